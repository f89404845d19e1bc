package io.herald.inapp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkOriginsTest {

  @Test
  void originsAreNormalisedAndDeduplicated() {
    assertThat(
            SdkOrigins.check(
                List.of(
                    " HTTPS://App.Example.com ",
                    "https://app.example.com",
                    "http://x.test:8080",
                    "*")))
        .containsExactly("https://app.example.com", "http://x.test:8080", "*");
    assertThat(SdkOrigins.check(List.of())).isEmpty();
  }

  @Test
  void anythingButAnOriginIsRefusedWithItsIndex() {
    for (String bad :
        List.of(
            "app.example.com",
            "https://app.example.com/path",
            "https://app.example.com/",
            "https://app.example.com?q=1",
            "https://user@app.example.com",
            "ftp://app.example.com",
            "",
            "**")) {
      assertThatThrownBy(() -> SdkOrigins.check(List.of("https://ok.test", bad)))
          .as(bad)
          .hasMessage("allowed_origins[1] must be * or an origin such as https://app.example.com");
    }
  }

  @Test
  void atMostFiftyOrigins() {
    assertThatThrownBy(() -> SdkOrigins.check(Collections.nCopies(51, "https://a.test")))
        .hasMessage("allowed_origins may have at most 50 entries");
  }
}
