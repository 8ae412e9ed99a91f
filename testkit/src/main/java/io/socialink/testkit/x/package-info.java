/**
 * A local X emulator and the documented X payloads it is checked against.
 */
@NullMarked
package io.socialink.testkit.x;

import org.jspecify.annotations.NullMarked;
