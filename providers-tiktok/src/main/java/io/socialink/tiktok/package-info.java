/**
 * The TikTok provider: the platform's description, authorization schemes, manual procedures and its
 * part of unlink plans; the Login Kit client ({@link io.socialink.tiktok.TikTokClient}: linking, user
 * info, videos, Content Posting, webhooks) and the TikTok API for Business client
 * ({@link io.socialink.tiktok.TikTokBusinessClient}: Accounts API OAuth, advertiser revocation, Business
 * Center removal).
 */
@NullMarked
package io.socialink.tiktok;

import org.jspecify.annotations.NullMarked;
