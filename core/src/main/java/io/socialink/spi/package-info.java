/**
 * The provider SPI: what a platform plugin implements to be discovered with {@link java.util.ServiceLoader}.
 *
 * <p>Besides the interfaces ({@link io.socialink.spi.PlatformProvider},
 * {@link io.socialink.spi.PlatformClient}, {@link io.socialink.spi.ResponseInterpreter}, ...), it
 * offers helpers for the common case: {@link io.socialink.spi.AbstractPlatformProvider} for a
 * provider's facts, and {@link io.socialink.spi.StandardOAuth2} (with
 * {@link io.socialink.spi.OAuth2Endpoints}, {@link io.socialink.spi.ClientAuthentication} and
 * {@link io.socialink.spi.StandardOAuth2Client}) for the standard OAuth 2.0 authorization code flow
 * with PKCE.
 */
@NullMarked
package io.socialink.spi;

import org.jspecify.annotations.NullMarked;
