/**
 * The Pebble provider: an example of a platform plugin written by a third party against the
 * Socialink SPI alone.
 */
@NullMarked
package com.example.pebble;

import org.jspecify.annotations.NullMarked;
