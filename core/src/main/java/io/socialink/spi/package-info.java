/**
 * The provider SPI: what a platform plugin implements to be discovered with {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.socialink.spi;

import org.jspecify.annotations.NullMarked;
