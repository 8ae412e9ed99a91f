/**
 * The Socialink model and entry point: {@link io.socialink.Socialink}, platforms, accounts, grants, links and unlink plans.
 */
@NullMarked
package io.socialink;

import org.jspecify.annotations.NullMarked;
