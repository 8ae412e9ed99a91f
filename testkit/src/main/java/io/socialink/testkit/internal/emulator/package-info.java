/**
 * The shared parts of the platform emulators; internal, not API, exported to no module. An emulator is
 * a {@link io.socialink.testkit.internal.emulator.Routes route table} of handlers over one state object,
 * served by an {@link io.socialink.testkit.internal.emulator.EmulatorServer} (JDK HTTP server, request
 * log, fault switches), with opaque {@link io.socialink.testkit.internal.emulator.TokenStore tokens and
 * codes} that expire on the injected clock, {@link io.socialink.testkit.internal.emulator.RateWindows rate
 * windows} (fixed or sliding), {@link io.socialink.testkit.internal.emulator.Json JSON answers} and a
 * {@link io.socialink.testkit.internal.emulator.PayloadShapes shape check} against documented payloads.
 */
@NullMarked
package io.socialink.testkit.internal.emulator;

import org.jspecify.annotations.NullMarked;
