package io.herald.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsAndTokens() {
    PageRequest first = PageRequest.parse(null, null);
    assertThat(first.after()).isZero();
    assertThat(first.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    assertThat(PageRequest.parse("42", "5")).isEqualTo(new PageRequest("42", 5));
    assertThat(PageRequest.parse("42", "5").after()).isEqualTo(42);
  }

  @Test
  void refusesForeignTokensAndLimits() {
    assertThatThrownBy(() -> PageRequest.parse("abc", null)).hasMessageStartingWith("start:");
    assertThatThrownBy(() -> PageRequest.parse("", "0")).hasMessageStartingWith("limit:");
    assertThatThrownBy(() -> PageRequest.parse("", "1001")).hasMessageStartingWith("limit:");
    assertThatThrownBy(() -> PageRequest.parse("", "ten"))
        .hasMessage("limit: must be a whole number");
  }
}
