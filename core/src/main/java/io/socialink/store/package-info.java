/**
 * Storage of grants, links, pending authorizations and the unlink journal.
 */
@NullMarked
package io.socialink.store;

import org.jspecify.annotations.NullMarked;
