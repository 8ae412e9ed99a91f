package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiCallTest {
  static final ApiRequest GET = ApiRequest.newBuilder(HttpMethod.GET, URI.create("https://api.example/x")).build();

  static ApiCall call(String group) {
    return new ApiCall("x", group, GET, Idempotency.IDEMPOTENT, "app", Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"users.me", "a", "0", "tweets/create", "media_upload-v2"})
  void endpointGroupsOfLowercaseLettersDigitsAndPunctuationAreAccepted(String group) {
    assertThat(call(group).endpointGroup()).isEqualTo(group);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Users", ".users", "/users", "-a", "_a", "a b", "a?b", "é", "a\n"})
  void otherEndpointGroupsAreRefused(String group) {
    assertThatThrownBy(() -> call(group)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpointGroup");
  }

  @org.junit.jupiter.api.Test
  void anEndpointGroupIsAtMostSixtyFourCharacters() {
    assertThat(call("x".repeat(64)).endpointGroup()).hasSize(64);
    assertThatThrownBy(() -> call("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
  }
}
