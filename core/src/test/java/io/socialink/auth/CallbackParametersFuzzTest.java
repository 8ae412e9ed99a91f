package io.socialink.auth;

import io.socialink.fuzz.Fuzz;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of what a browser sends to the redirect URI. */
class CallbackParametersFuzzTest {
  static final List<String> SEEDS = List.of(
      "state=abc123&code=VGNibzFWSWNhZWJQSGJ4cF8xMjM0",
      "error=access_denied&error_description=User+said+no&state=s2",
      "state=s&error=access_denied&error_reason=user_denied&error_description=Permissions+error#_",
      "code=AQD1x2y3%2Bz%3D&state=%E2%9C%93&scopes=user.info.basic%2Cvideo.list",
      "state=s&error=invalid_scope&error_description=The+requested+scope+is+invalid%2C+unknown%2C+or+malformed.");

  @Test
  void callbackQueries() {
    Fuzz.run("callback query", 2_000, Fuzz.DOCUMENTED_OR_ARGUMENT, m -> m.mutate(m.pick(SEEDS)), query -> {
      CallbackParameters p = CallbackParameters.fromQuery(query);
      p.error().ifPresent(e -> Fuzz.assertOneLine("error", e, CallbackParameters.MAX_ERROR_LENGTH + 1));
      p.errorDescription().ifPresent(
          d -> Fuzz.assertOneLine("error_description", d, CallbackParameters.MAX_DESCRIPTION_LENGTH + 1));
      if (p.error().isPresent()) {
        CallbackRejectedException e = CallbackRejectedException.denied("fake", p.error().get(), p.errorDescription());
        Fuzz.assertOneLine("the rejection's message", e.getMessage(), 1_000);
      }
    });
  }

  @Test
  void deniedCallbacksBuiltFromAnyText() {
    Fuzz.run("callback rejection text", 1_000, Fuzz.DOCUMENTED,
        m -> List.of(m.mutate("access_denied"), m.mutate("The user denied your request.")), texts -> {
          CallbackParameters p = new CallbackParameters(Optional.of("s"), Optional.empty(),
              Optional.of(texts.get(0)), Optional.of(texts.get(1)));
          CallbackRejectedException e = CallbackRejectedException.denied("fake", texts.get(0), p.errorDescription());
          Fuzz.assertOneLine("the rejection's message", e.getMessage(), 1_000);
          e.platformDescription().ifPresent(d -> Fuzz.assertOneLine("the platform's description", d,
              CallbackRejectedException.QUOTED_DESCRIPTION_LENGTH + 1));
        });
  }
}
