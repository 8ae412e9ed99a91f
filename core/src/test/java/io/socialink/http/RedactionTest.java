package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void hidesSecretQueryParametersAndKeepsTheRest() {
    URI uri = URI.create("https://graph.instagram.com/me?fields=id,username&access_token=IGQVJ-canary&x=1");
    assertThat(Redaction.uri(uri)).isEqualTo("https://graph.instagram.com/me?fields=id,username&access_token=****&x=1");
  }

  @Test
  void hidesFormFieldsAndAuthorizationSchemesInText() {
    assertThat(Redaction.params("grant_type=refresh_token&refresh_token=rt-canary&client_id=abc"))
        .isEqualTo("grant_type=refresh_token&refresh_token=****&client_id=abc");
    assertThat(Redaction.text("sent Authorization: Bearer abc.def-ghi and Basic dXNlcjpwYXNz"))
        .doesNotContain("abc.def-ghi").doesNotContain("dXNlcjpwYXNz").contains("Bearer ****");
  }

  @Test
  void requestToStringShowsNeitherHeadersNorBody() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "tok-canary");
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.POST, URI.create("https://api.x.com/2/oauth2/revoke?code=c-canary"))
        .header("Authorization", "Basic secret-canary").form(form).build();
    assertThat(r.toString()).isEqualTo("POST https://api.x.com/2/oauth2/revoke?code=****");
    assertThat(r.headers().toString()).doesNotContain("secret-canary");
    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("token=tok-canary");
  }

  @Test
  void hidesSecretParametersAnywhereInFreeText() {
    assertThat(Redaction.text("Invalid OAuth access token access_token=EAAB-canary supplied"))
        .isEqualTo("Invalid OAuth access token access_token=**** supplied");
    assertThat(Redaction.text("(refresh_token=rt-canary, client_id=abc)"))
        .isEqualTo("(refresh_token=****, client_id=abc)");
    assertThat(Redaction.text("sent \"client_secret=cs-canary\" in the body"))
        .doesNotContain("cs-canary");
    assertThat(Redaction.text("limit=5 and x=1 stay")).isEqualTo("limit=5 and x=1 stay");
  }

  @Test
  void hidesQuotedJsonSpacedFragmentAndUserInfoForms() {
    assertThat(Redaction.text("access_token=\"SECRET1\" token='SECRET2'")).doesNotContain("SECRET1", "SECRET2");
    assertThat(Redaction.text("{\"access_token\":\"SECRET3\",\"expires_in\":7200}"))
        .isEqualTo("{\"access_token\":\"****\",\"expires_in\":7200}");
    assertThat(Redaction.text("access_token: SECRET4 and refresh_token = SECRET6"))
        .doesNotContain("SECRET4", "SECRET6");
    assertThat(Redaction.uri(URI.create("https://a.example/cb#access_token=SECRET7&state=s")))
        .isEqualTo("https://a.example/cb#access_token=****&state=s");
    assertThat(Redaction.uri(URI.create("https://user:SECRET8@a.example/x"))).isEqualTo("https://****@a.example/x");
    assertThat(Redaction.params("hub.verify_token=SECRET9&hub.mode=subscribe&auth_code=SECRET10"))
        .isEqualTo("hub.verify_token=****&hub.mode=subscribe&auth_code=****");
  }

  @Test
  void malformedEscapesAndPercentSignsDoNotBreakRedaction() {
    assertThat(Redaction.text("usage 100%=full")).isEqualTo("usage 100%=full");
    assertThat(Redaction.params("a%zz=1&token=SECRET")).isEqualTo("a%zz=1&token=****");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String plain = "Error: invalid request (code: 100), see https://developers.example/docs?page=2";
    assertThat(Redaction.text(plain)).isEqualTo(plain);
  }

  @org.junit.jupiter.api.Test
  void aSecretPairInsideTheValueOfAnotherPairIsHidden() {
    assertThat(Redaction.text("error: access_token=tok-canary-1")).isEqualTo("error: access_token=****");
    assertThat(Redaction.text("error=refresh_token=tok-canary-2&x=1")).isEqualTo("error=refresh_token=****&x=1");
    assertThat(Redaction.text("detail: 'client_secret=tok-canary-3'")).isEqualTo("detail: 'client_secret=****'");
    assertThat(Redaction.text("a: b: c: token=tok-canary-4 done")).isEqualTo("a: b: c: token=**** done");
    assertThat(Redaction.text("redirect_uri=https://app.example/cb?code=tok-canary-5"))
        .isEqualTo("redirect_uri=https://app.example/cb?code=****");
    assertThat(Redaction.text("at: 10:00, code: 190")).isEqualTo("at: 10:00, code: 190");
  }

  @org.junit.jupiter.api.Test
  void manyNestedPairsAreReadInLinearTime() {
    String nested = "a=".repeat(200_000) + "token=tok-canary-6";
    assertThat(Redaction.text(nested)).endsWith("token=****").doesNotContain("tok-canary-6");
  }
}
