package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * DKIM signing settings: rsa-sha256, relaxed/relaxed, through simple-java-mail's {@code
 * utils-mail-dkim}. {@link #toString()} never shows the key.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the key selector ({@code s=})
 * @param privateKey the RSA private key
 */
record DkimSettings(String domain, String selector, RSAPrivateKey privateKey) {

  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";
  private static final int MIN_KEY_BITS = 1024;

  /**
   * Reads the DKIM settings: present when domain, selector and key are all set, absent when none
   * is.
   *
   * @throws InvalidConfigException when only some are set, or the key or domain is unusable
   */
  static Optional<DkimSettings> from(ChannelConfig config) throws InvalidConfigException {
    Optional<String> domain = config.get(EmailSmtpSchema.DKIM_DOMAIN).map(String::trim);
    Optional<String> selector = config.get(EmailSmtpSchema.DKIM_SELECTOR).map(String::trim);
    Optional<String> pem = config.get(EmailSmtpSchema.DKIM_PRIVATE_KEY);
    if (domain.isEmpty() && selector.isEmpty() && pem.isEmpty()) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    requireForDkim(domain, EmailSmtpSchema.DKIM_DOMAIN, problems);
    requireForDkim(selector, EmailSmtpSchema.DKIM_SELECTOR, problems);
    requireForDkim(pem, EmailSmtpSchema.DKIM_PRIVATE_KEY, problems);
    if (selector.isPresent() && !selector.get().matches("[A-Za-z0-9]([A-Za-z0-9._-]{0,62})")) {
      problems.add(EmailSmtpSchema.DKIM_SELECTOR + ": must be a DNS label such as mail2026");
    }
    RSAPrivateKey key = null;
    if (pem.isPresent()) {
      key = parseKey(pem.get(), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    DkimSettings settings = new DkimSettings(domain.get(), selector.get(), key);
    try {
      settings.signer();
    } catch (DkimException e) {
      throw new InvalidConfigException(
          List.of(EmailSmtpSchema.DKIM_DOMAIN + ": is not a usable signing domain"));
    }
    return Optional.of(settings);
  }

  private static void requireForDkim(Optional<String> value, String name, List<String> problems) {
    if (value.isEmpty()) {
      problems.add(
          name
              + ": is required when DKIM is configured (set dkim_domain, dkim_selector and"
              + " dkim_private_key, or none)");
    }
  }

  private static RSAPrivateKey parseKey(String pem, List<String> problems) {
    String text = pem.trim();
    if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
      problems.add(
          EmailSmtpSchema.DKIM_PRIVATE_KEY
              + ": must be an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)");
      return null;
    }
    String base64 =
        text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(key instanceof RSAPrivateKey rsa)) {
        problems.add(EmailSmtpSchema.DKIM_PRIVATE_KEY + ": must be an RSA key");
        return null;
      }
      if (rsa.getModulus().bitLength() < MIN_KEY_BITS) {
        problems.add(EmailSmtpSchema.DKIM_PRIVATE_KEY + ": must be at least 1024 bits");
        return null;
      }
      return rsa;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // The exception text could quote key material: report the field only.
      problems.add(EmailSmtpSchema.DKIM_PRIVATE_KEY + ": is not a valid RSA PKCS#8 PEM key");
      return null;
    }
  }

  /**
   * A fresh signer: {@link DkimSigner} keeps a digest and a signature object, so it is not shared
   * between concurrent sends.
   */
  DkimSigner signer() throws DkimException {
    DkimSigner signer = new DkimSigner(domain, selector, privateKey);
    signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
    signer.setHeaderCanonicalization(Canonicalization.RELAXED);
    signer.setBodyCanonicalization(Canonicalization.RELAXED);
    signer.setLengthParam(false);
    signer.setCheckDomainKey(false);
    signer.addHeaderToSign("List-Unsubscribe");
    signer.addHeaderToSign("List-Unsubscribe-Post");
    return signer;
  }

  /** Wraps a saved message so that writing it adds a {@code DKIM-Signature} header. */
  MimeMessage sign(MimeMessage message) throws MessagingException {
    return new DkimMessage(message, signer());
  }

  /** Shows the domain and selector, never the key. */
  @Override
  public String toString() {
    return "DkimSettings[d=" + domain + ", s=" + selector + "]";
  }
}
