package io.herald.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

  private static String basic(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicSplitsAtTheFirstColon() {
    assertThat(AuthorizationHeader.basic(basic("SITE_ID:API_KEY")))
        .contains(new AuthorizationHeader.Basic("SITE_ID", "API_KEY"));
    assertThat(AuthorizationHeader.basic(basic("WRITE_KEY:")))
        .contains(new AuthorizationHeader.Basic("WRITE_KEY", ""));
    assertThat(AuthorizationHeader.basic(basic("a:b:c")))
        .contains(new AuthorizationHeader.Basic("a", "b:c"));
    assertThat(
            AuthorizationHeader.basic(
                "basic " + Base64.getEncoder().encodeToString("x:y".getBytes())))
        .isPresent();
  }

  @Test
  void malformedBasicIsAbsent() {
    assertThat(AuthorizationHeader.basic(null)).isEmpty();
    assertThat(AuthorizationHeader.basic("Basic !!!")).isEmpty();
    assertThat(AuthorizationHeader.basic(basic("no-colon"))).isEmpty();
    assertThat(AuthorizationHeader.basic("Bearer abc")).isEmpty();
  }

  @Test
  void bearerNeedsAToken() {
    assertThat(AuthorizationHeader.bearer("Bearer abc123")).contains("abc123");
    assertThat(AuthorizationHeader.bearer("Bearer   ")).isEmpty();
    assertThat(AuthorizationHeader.bearer("Basic abc")).isEmpty();
    assertThat(AuthorizationHeader.bearer(null)).isEmpty();
  }
}
