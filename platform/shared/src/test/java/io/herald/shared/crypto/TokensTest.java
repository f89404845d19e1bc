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
  void randomAlphanumericUsesEveryCharacterEvenly() {
    // 62 characters over 620,000 draws: about 10,000 each; a byte mapped with a plain modulo
    // would give the first 8 characters about 12,100 each and the others about 9,700.
    java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      for (char ch : Tokens.randomAlphanumeric(31).toCharArray()) {
        counts.merge(ch, 1, Integer::sum);
      }
    }
    assertThat(counts).hasSize(62);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
    assertThat(Tokens.randomAlphanumeric(0)).isEmpty();
    assertThat(Tokens.randomAlphanumeric(1)).hasSize(1);
  }

  @Test
  void eachThreadDrawsFromItsOwnGeneratorWithNoLockSharedAcrossThreads() throws Exception {
    java.security.SecureRandom mine = Tokens.generator();
    java.util.concurrent.atomic.AtomicReference<java.security.SecureRandom> other =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread t = new Thread(() -> other.set(Tokens.generator()));
    t.start();
    t.join();

    assertThat(Tokens.generator()).isSameAs(mine);
    assertThat(other.get()).isNotNull().isNotSameAs(mine);
    assertThat(mine.getAlgorithm()).as("not the JVM-wide NativePRNG").isEqualTo("DRBG");
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
