/**
 * The Pebble provider: an example of a platform plugin written by a third party against the
 * Socialink SPI alone, and the skeleton to copy when writing one.
 *
 * <p>A provider for a platform with standard OAuth 2.0 needs four pieces:
 *
 * <ol>
 *   <li>{@link com.example.pebble.PebbleProvider}: the platform's facts (id, capabilities, manual
 *       procedures, authorization schemes, text rules), passed to
 *       {@link io.socialink.spi.AbstractPlatformProvider}, and a factory of clients;</li>
 *   <li>{@code PebbleClient}: an {@link io.socialink.spi.StandardOAuth2Client} configured with the
 *       platform's endpoints and quirks (client id parameter, scope separator, client
 *       authentication, the token response's account id member), plus the platform's own API;</li>
 *   <li>{@code PebbleInterpreter}: the platform's error codes, on top of core's reading of HTTP
 *       statuses;</li>
 *   <li>the declarations {@link java.util.ServiceLoader} reads: {@code provides} in
 *       {@code module-info.java} and {@code META-INF/services/io.socialink.spi.PlatformProvider}.</li>
 * </ol>
 */
@NullMarked
package com.example.pebble;

import org.jspecify.annotations.NullMarked;
