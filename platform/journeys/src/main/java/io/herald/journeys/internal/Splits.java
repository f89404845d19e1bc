package io.herald.journeys.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

/**
 * Deterministic choices: the random split's branch (by person, journey and node, so a person always
 * lands in the same branch of a node) and the random delay (by run and node, so a retried step
 * waits as long as the first attempt).
 */
final class Splits {

  private Splits() {}

  /** A number in [0, 10000) from the key's SHA-256 (uniform enough for percentages). */
  static int bucket(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return (int) Long.remainderUnsigned(value, 10_000);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The index of the branch the person takes, given the branches' percents (which add up to 100).
   */
  static int pick(long journeyId, String nodeId, String cioId, List<Integer> percents) {
    int b = bucket(journeyId + "/" + nodeId + "/" + cioId);
    int upTo = 0;
    for (int i = 0; i < percents.size(); i++) {
      upTo += percents.get(i) * 100;
      if (b < upTo) {
        return i;
      }
    }
    return percents.size() - 1;
  }

  /** A delay between {@code min} and {@code max} (to the millisecond), the same for the run. */
  static Duration between(long runId, String nodeId, Duration min, Duration max) {
    long span = max.toMillis() - min.toMillis();
    if (span <= 0) {
      return min;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((runId + "/" + nodeId).getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return min.plusMillis(Long.remainderUnsigned(value, span + 1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
