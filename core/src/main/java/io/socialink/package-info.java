/**
 * The Socialink model and entry point: {@link io.socialink.Socialink}, platforms, accounts, grants,
 * links and unlink plans.
 *
 * <p>{@code Socialink} is configuration plus one accessor per capability, each a service interface in
 * its capability's package: {@link io.socialink.auth.Linking}, {@link io.socialink.auth.Grants},
 * {@link io.socialink.link.Links}, {@link io.socialink.publish.Publishing},
 * {@link io.socialink.unlink.Unlinking} and {@link io.socialink.platform.Platforms}.
 *
 * <p><b>Failures.</b> Everything the API reports about the work it does is a
 * {@link io.socialink.error.SocialinkException} with a category, including an unknown grant or link
 * id ({@link io.socialink.error.NotFoundException}) and a lost concurrent write
 * ({@link io.socialink.error.ConflictException}). Argument checks follow the JDK instead: a
 * {@code null} argument throws {@link NullPointerException} naming it, and a blank or out-of-range
 * argument (a blank owner id, a negative duration) throws {@link IllegalArgumentException}.
 */
@NullMarked
package io.socialink;

import org.jspecify.annotations.NullMarked;
