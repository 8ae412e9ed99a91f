/**
 * Platform callbacks and webhooks: the intake that receives them ({@link io.socialink.webhook.Callbacks},
 * mounted with {@link io.socialink.webhook.JdkHttpCallbackHandler} or the {@code socialink-servlet}
 * adapter), what it tells the application ({@link io.socialink.webhook.CallbackListener},
 * {@link io.socialink.webhook.DataDeletion}), and the verification the providers implement
 * ({@link io.socialink.webhook.WebhookVerifier}, {@link io.socialink.webhook.Signatures}).
 */
@NullMarked
package io.socialink.webhook;

import org.jspecify.annotations.NullMarked;
