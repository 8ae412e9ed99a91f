/**
 * Publishing content through a linked account: posts, media and their results.
 */
@NullMarked
package io.socialink.publish;

import org.jspecify.annotations.NullMarked;
