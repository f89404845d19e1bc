package io.herald.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of secrets at rest (plugin credentials and the like). The stored form is
 * {@code v1:<base64(iv || ciphertext+tag)>}; the version prefix leaves room for key rotation.
 */
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  private SecretCipher(SecretKey key) {
    this.key = key;
  }

  /**
   * A cipher for a base64-encoded 256-bit key, as found in {@code HERALD_SECRET_KEY}.
   *
   * @throws IllegalArgumentException when the value is not base64 of exactly 32 bytes
   */
  public static SecretCipher fromBase64Key(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret key is not base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "secret key must be 32 bytes (base64 of 256 bits), got " + raw.length);
    }
    return new SecretCipher(new SecretKeySpec(raw, "AES"));
  }

  /** A new random key, base64-encoded. */
  public static String generateBase64Key() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * A 256-bit key for another purpose (signing links, for example), derived from this key as
   * HMAC-SHA256(key, {@code "herald:" + purpose}), so the secret key itself never leaves this class
   * and each purpose gets an independent key. Every node with the same secret key derives the same
   * key.
   *
   * @param purpose a fixed name of the use, for example {@code exports.download-link}
   */
  public byte[] deriveKey(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(("herald:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Encrypts {@code plaintext}; every call uses a fresh IV. */
  public String encrypt(String plaintext) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * Decrypts a value made by {@link #encrypt}.
   *
   * @throws IllegalArgumentException when the value was not made with this key or was altered
   */
  public String decrypt(String stored) {
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an encrypted secret (missing v1: prefix)");
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    if (all.length <= IV_BYTES) {
      throw new IllegalArgumentException("encrypted secret is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("secret was encrypted with another key or altered", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }
}
