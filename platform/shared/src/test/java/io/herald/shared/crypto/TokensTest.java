package io.herald.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void randomValuesHaveTheRequestedShapeAndDiffer() {
    assertThat(Tokens.randomHex(16)).hasSize(32).matches("[0-9a-f]+");
    assertThat(Tokens.randomAlphanumeric(32)).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(Tokens.randomHex(16)).isNotEqualTo(Tokens.randomHex(16));
  }

  @Test
  void sha256IsTheStandardDigest() {
    assertThat(Tokens.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void maskRevealsOnlyTheEnds() {
    assertThat(Tokens.mask("abcdefghijklmnop")).isEqualTo("abcd…mnop");
    assertThat(Tokens.mask("short")).isEqualTo("…");
  }

  @Test
  void constantTimeEqualsComparesContent() {
    assertThat(Tokens.constantTimeEquals("same", "same")).isTrue();
    assertThat(Tokens.constantTimeEquals("same", "Same")).isFalse();
    assertThat(Tokens.constantTimeEquals("same", "same-longer")).isFalse();
  }
}
