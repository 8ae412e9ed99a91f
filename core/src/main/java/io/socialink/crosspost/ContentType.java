package io.socialink.crosspost;

/** The kinds of content a source offers, as a {@link CrossPostRules} filter names them. */
public enum ContentType {
  /** A single image in the feed. */
  IMAGE,
  /** Several images or videos in one post (Instagram's carousel album). */
  CAROUSEL,
  /** A video in the feed. */
  VIDEO,
  /** A short vertical video (Instagram reel). */
  REEL,
  /** A story, gone after a day; excluded by default. */
  STORY
}
