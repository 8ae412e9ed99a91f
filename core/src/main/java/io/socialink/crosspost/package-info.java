/**
 * Cross-posting: a {@link io.socialink.LinkKind#CROSS_POST} link copies new content from a source
 * account (Instagram media) to a target account (an X post, a TikTok inbox draft), filtered by
 * {@link io.socialink.crosspost.CrossPostRules}, with the caption fitted to the target's
 * {@link io.socialink.spi.TextRules} by {@link io.socialink.crosspost.Captions}, and posted at most
 * once per source item even across crashes. Get the service from
 * {@link io.socialink.Socialink#crossPosting()}.
 */
@NullMarked
package io.socialink.crosspost;

import org.jspecify.annotations.NullMarked;
