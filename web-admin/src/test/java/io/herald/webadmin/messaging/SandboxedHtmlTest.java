package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxedHtmlTest {

  private static final String META =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"" + SandboxedHtml.POLICY + "\">";

  @Test
  void putsThePolicyFirstInTheHead() {
    assertThat(SandboxedHtml.of("<!DOCTYPE html><html lang=\"en\"><HEAD><title>x</title></HEAD>"))
        .isEqualTo("<!DOCTYPE html><html lang=\"en\"><HEAD>" + META + "<title>x</title></HEAD>");
  }

  @Test
  void withoutAHeadThePolicyOpensTheImpliedOne() {
    assertThat(SandboxedHtml.of("<!doctype html><html><body>x</body></html>"))
        .isEqualTo("<!doctype html><html>" + META + "<body>x</body></html>");
    assertThat(SandboxedHtml.of("<!doctype html><p>x</p>"))
        .isEqualTo("<!doctype html>" + META + "<p>x</p>");
    assertThat(SandboxedHtml.of("<p>x</p>")).isEqualTo(META + "<p>x</p>");
    assertThat(SandboxedHtml.of(null)).isEqualTo(META);
  }

  @Test
  void thePolicyLoadsNothingRemoteAndRunsNoScript() {
    assertThat(SandboxedHtml.POLICY)
        .startsWith("default-src 'none'")
        .doesNotContain("script-src")
        .doesNotContain("https:");
  }
}
