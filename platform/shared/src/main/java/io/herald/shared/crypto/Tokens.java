package io.herald.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random credentials and their stored form. API keys are long random strings, so a single SHA-256
 * is the right hash for them (lookup by hash, nothing to brute-force); passwords use PBKDF2
 * elsewhere.
 */
public final class Tokens {

  /**
   * One generator per thread. The default {@code SecureRandom} (NativePRNG) reads under one lock
   * for the whole JVM, which Payara's per-request trace ids ({@code UUID.randomUUID}) take too: a
   * bulk enqueue drawing thousands of delivery ids held up transactional sends queued behind it on
   * that lock (bench/send, T7 during bulk, seen with JFR's monitor-enter events). A DRBG instance
   * per thread, seeded by the JDK from the system's entropy, has no shared lock.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(Tokens::newGenerator);

  private static final char[] ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  /** The largest multiple of 62 that fits in a byte: bytes below it map to characters evenly. */
  private static final int UNBIASED_LIMIT = 256 - 256 % 62;

  private Tokens() {}

  /** This thread's generator. */
  static SecureRandom generator() {
    return RANDOM.get();
  }

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("DRBG is part of every JDK since 9", e);
    }
  }

  /** {@code bytes} random bytes as lower-case hex ({@code 2 * bytes} characters). */
  public static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    generator().nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  /**
   * {@code length} random letters and digits, uniformly distributed. The random bytes are drawn in
   * one call (a byte at or above 248 is dropped so each of the 62 characters is equally likely):
   * {@code SecureRandom.nextInt} would read the shared generator, under its lock, once per
   * character, and concurrent sends queued on that lock.
   */
  public static String randomAlphanumeric(int length) {
    char[] out = new char[length];
    byte[] bytes = new byte[length + length / 4 + 4];
    int filled = 0;
    while (filled < length) {
      generator().nextBytes(bytes);
      for (int i = 0; i < bytes.length && filled < length; i++) {
        int b = bytes[i] & 0xff;
        if (b < UNBIASED_LIMIT) {
          out[filled++] = ALPHANUMERIC[b % ALPHANUMERIC.length];
        }
      }
    }
    return new String(out);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code secret}. */
  public static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Compares two strings in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A display form that reveals only the first four and last four characters, for example {@code
   * ab12…9f3e}. Shorter secrets are fully masked.
   */
  public static String mask(String secret) {
    if (secret.length() < 12) {
      return "…";
    }
    return secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
  }
}
