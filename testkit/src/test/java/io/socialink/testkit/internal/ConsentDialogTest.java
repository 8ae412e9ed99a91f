package io.socialink.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.internal.emulator.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentDialogTest {
  static final String REDIRECT = "https://app.example/cb";
  final ConsentDialog dialog = new ConsentDialog("app-1", REDIRECT, Set.of("basic", "publish"),
      new ConsentDialog.Wording("bad client", "bad redirect, registered: ", "Invalid scopes: ", "; this login knows ",
          "account", "error=access_denied", "#_"));
  final List<String> issued = new ArrayList<>();
  final Set<String> users = new LinkedHashSet<>(List.of("111", "222"));

  Reply answer(Map<String, String> extra) {
    Map<String, String> q = new LinkedHashMap<>(Map.of("client_id", "app-1", "redirect_uri", REDIRECT,
        "response_type", "code", "scope", "basic,publish"));
    q.putAll(extra);
    return dialog.answer(q, users, (user, scopes) -> {
      issued.add(user + " " + scopes);
      return "code-" + issued.size();
    });
  }

  static String text(Reply r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theFirstUserConsentsAndTheRedirectCarriesTheCodeTheStateAndTheFragment() {
    Reply r = answer(Map.of("state", "s 1", "scope", "basic publish"));

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.headers()).containsEntry("Location", REDIRECT + "?code=code-1&state=s+1#_");
    assertThat(issued).containsExactly("111 [basic, publish]");
  }

  @Test
  void emulatorUserPicksWhoConsentsAndAnUnknownOneIsNamed() {
    assertThat(answer(Map.of("emulator_user", "222")).headers()).containsEntry("Location", REDIRECT + "?code=code-1#_");
    assertThat(issued).containsExactly("222 [basic, publish]");

    Reply unknown = answer(Map.of("emulator_user", "333"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(text(unknown)).isEqualTo("the Instagram emulator has no account 333; add it first");
  }

  @Test
  void aDenialRedirectsWithTheLoginsRefusalAndIssuesNoCode() {
    Reply r = answer(Map.of("emulator_consent", "deny", "state", "x"));

    assertThat(r.headers()).containsEntry("Location", REDIRECT + "?error=access_denied&state=x#_");
    assertThat(issued).isEmpty();
  }

  @Test
  void eachCheckAnswers400WithTheLoginsWords() {
    assertThat(text(answer(Map.of("client_id", "other")))).isEqualTo("bad client");
    assertThat(text(answer(Map.of("redirect_uri", "https://evil.example/")))).isEqualTo("bad redirect, registered: " + REDIRECT);
    assertThat(text(answer(Map.of("response_type", "token")))).isEqualTo("response_type must be code");
    assertThat(text(answer(Map.of("scope", "basic,admin")))).startsWith("Invalid scopes: [basic, admin]; this login knows ");
    assertThat(text(answer(Map.of("scope", " , ")))).startsWith("Invalid scopes: []");
    users.clear();
    assertThat(text(answer(Map.of()))).isEqualTo("the Instagram emulator has no account; add one first");
    assertThat(issued).isEmpty();
  }

  @Test
  void aRedirectUriWithAQueryGetsTheCodeAfterAnAmpersand() {
    ConsentDialog withQuery = new ConsentDialog("app-1", REDIRECT + "?via=ig", Set.of("basic"),
        new ConsentDialog.Wording("", "", "", "", "user", "error=access_denied", ""));

    Reply r = withQuery.answer(Map.of("client_id", "app-1", "redirect_uri", REDIRECT + "?via=ig", "response_type", "code",
        "scope", "basic"), users, (user, scopes) -> "c");

    assertThat(r.headers()).containsEntry("Location", REDIRECT + "?via=ig&code=c");
  }
}
