package io.socialink.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphRepliesTest {
  static Call get(Map<String, String> query) {
    return new Call("GET", "/v25.0/me/media", query, Map.of("host", "127.0.0.1:9"), new byte[0], Map.of());
  }

  @Test
  void aSliceIsTwentyFiveRowsFromTheStartByDefault() {
    assertThat(GraphReplies.slice(get(Map.of()), 30)).contains(new GraphReplies.Slice(0, 25, 25));
    assertThat(GraphReplies.slice(get(Map.of()), 3)).contains(new GraphReplies.Slice(0, 3, 25));
  }

  @Test
  void theAfterCursorOfOnePageStartsTheNext() {
    GraphReplies.Slice first = GraphReplies.slice(get(Map.of("limit", "2")), 5).orElseThrow();
    Map<String, Object> paging = GraphReplies.paging(get(Map.of("limit", "2")), first, 5, "1784/media");
    @SuppressWarnings("unchecked")
    String after = (String) ((Map<String, Object>) paging.get("cursors")).get("after");

    assertThat(paging.get("next")).isEqualTo("http://127.0.0.1:9/v25.0/1784/media?limit=2&after=" + after);
    assertThat(GraphReplies.slice(get(Map.of("limit", "2", "after", after)), 5))
        .contains(new GraphReplies.Slice(2, 4, 2));
  }

  @Test
  void theLastPageHasNoNextLink() {
    GraphReplies.Slice last = new GraphReplies.Slice(4, 5, 2);

    assertThat(GraphReplies.paging(get(Map.of()), last, 5, "1784/media")).containsOnlyKeys("cursors");
  }

  @Test
  void aBadLimitOrCursorIsNoSlice() {
    assertThat(GraphReplies.slice(get(Map.of("limit", "0")), 5)).isEmpty();
    assertThat(GraphReplies.slice(get(Map.of("limit", "101")), 5)).isEmpty();
    assertThat(GraphReplies.slice(get(Map.of("limit", "ten")), 5)).isEmpty();
    assertThat(GraphReplies.slice(get(Map.of("after", "not a cursor")), 5)).isEmpty();
    assertThat(GraphReplies.slice(get(Map.of("after", GraphReplies.cursorOf(9))), 5))
        .contains(new GraphReplies.Slice(5, 5, 25));
  }

  @Test
  void fieldsWithIdAddsIdOnce() {
    assertThat(GraphReplies.fieldsWithId(get(Map.of("fields", "status_code, status")))).containsExactly("status_code",
        "status", "id");
    assertThat(GraphReplies.fieldsWithId(get(Map.of()))).containsExactly("id");
    assertThat(GraphReplies.pick(Map.of("id", "1", "name", "n"), List.of("name", "missing"))).containsOnlyKeys("name");
  }

  @Test
  void everyErrorHasItsOwnTraceIdAndTheMessageAsked() {
    GraphReplies replies = new GraphReplies();

    Map<String, Object> one = Json.object(replies.error(400, InstagramPayloads.INVALID_PARAMETER, "why").body()).orElseThrow();
    Map<String, Object> two = Json.object(replies.error(400, InstagramPayloads.INVALID_PARAMETER, null).body()).orElseThrow();

    assertThat(one.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("message", "why").containsEntry("fbtrace_id", "Emu1Trace");
    assertThat(two.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("fbtrace_id", "Emu2Trace").doesNotContainEntry("message", "why");
  }
}
