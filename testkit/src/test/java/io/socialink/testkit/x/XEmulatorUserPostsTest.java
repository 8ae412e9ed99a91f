package io.socialink.testkit.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.testkit.TestClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /2/users/:id/tweets} on the emulator. */
class XEmulatorUserPostsTest {
  TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  XEmulator x;
  EmulatorHttp h;
  String token;

  @BeforeEach
  void start() {
    x = XEmulator.builder().clock(clock).start();
    h = new EmulatorHttp(x);
    token = h.tokens(XEmulatorTest.ALL).get("access_token").asText();
  }

  @AfterEach
  void stop() {
    x.close();
  }

  HttpResponse<String> timeline(String query) {
    return h.get(URI.create(x.apiBaseUri() + "/2/users/" + XEmulator.DEFAULT_USER.id() + "/tweets" + query),
        "Authorization", "Bearer " + token);
  }

  @Test
  void listsTheUsersPostsNewestFirstWithCreatedAtAndWrappedLinks() {
    h.postJson("/2/tweets", "{\"text\":\"one & two\"}", token);
    clock.advance(Duration.ofSeconds(90));
    h.postJson("/2/tweets", "{\"text\":\"see https://example.com/page\"}", token);

    HttpResponse<String> r = timeline("?max_results=5&tweet.fields=created_at");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-rate-limit-limit")).contains("900");
    JsonNode body = EmulatorHttp.json(r);
    assertThat(body.get("data")).hasSize(2);
    assertThat(body.get("data").get(0).get("text").asText()).matches("see https://t\\.co/\\S{10}");
    assertThat(body.get("data").get(0).get("created_at").asText()).isEqualTo("2026-03-01T10:01:30Z");
    assertThat(body.get("data").get(1).get("text").asText()).isEqualTo("one &amp; two");
    assertThat(body.get("meta").get("result_count").asInt()).isEqualTo(2);
    assertThat(body.get("meta").get("newest_id").asText()).isEqualTo(body.get("data").get(0).get("id").asText());
  }

  @Test
  void withoutTweetFieldsThereIsNoCreatedAtAndAnEmptyTimelineHasOnlyMeta() {
    JsonNode empty = EmulatorHttp.json(timeline(""));
    assertThat(empty.has("data")).isFalse();
    assertThat(empty.get("meta").get("result_count").asInt()).isZero();

    h.postJson("/2/tweets", "{\"text\":\"hi\"}", token);
    assertThat(EmulatorHttp.json(timeline("")).get("data").get(0).has("created_at")).isFalse();
  }

  @Test
  void maxResultsIsFiveToAHundred() {
    assertThat(timeline("?max_results=4").statusCode()).isEqualTo(400);
    assertThat(timeline("?max_results=101").statusCode()).isEqualTo(400);
    assertThat(timeline("?max_results=100").statusCode()).isEqualTo(200);
  }
}
