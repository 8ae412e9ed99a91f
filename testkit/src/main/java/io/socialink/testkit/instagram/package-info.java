/**
 * A local Instagram (Instagram API with Instagram Login) emulator for tests, on the JDK's built-in
 * HTTP server, and the documented payloads it answers with.
 */
@NullMarked
package io.socialink.testkit.instagram;

import org.jspecify.annotations.NullMarked;
