/**
 * A local TikTok emulator (Login Kit v2, the Open API user endpoints and the TikTok API for Business
 * Accounts endpoints) and the documented TikTok payloads it is checked against.
 */
@NullMarked
package io.socialink.testkit.tiktok;

import org.jspecify.annotations.NullMarked;
