package io.socialink.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The record both benchmark paths parse the stub's body into. */
public record Profile(
    String id,
    String name,
    String username,
    @JsonProperty("created_at") String createdAt,
    String description,
    boolean verified,
    @JsonProperty("followers_count") long followersCount,
    @JsonProperty("following_count") long followingCount,
    @JsonProperty("tweet_count") long tweetCount,
    @JsonProperty("listed_count") long listedCount,
    String location,
    @JsonProperty("protected") boolean isProtected) {}
