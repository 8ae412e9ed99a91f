/**
 * Runnable example programs; {@link io.socialink.examples.Demo} is the main job of the README.
 */
@NullMarked
package io.socialink.examples;

import org.jspecify.annotations.NullMarked;
