/**
 * Test support for Socialink and its providers: a settable clock and the provider contract test that
 * every provider, a third party's too, runs against its platform's emulator.
 */
@NullMarked
package io.socialink.testkit;

import org.jspecify.annotations.NullMarked;
