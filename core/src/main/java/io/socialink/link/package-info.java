/**
 * The links an application knows of: the ones it made by linking an account, and the ones the
 * platforms made themselves, recorded so they can be audited and planned for.
 */
@NullMarked
package io.socialink.link;

import org.jspecify.annotations.NullMarked;
