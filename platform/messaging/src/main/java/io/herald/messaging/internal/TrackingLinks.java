package io.herald.messaging.internal;

import io.herald.shared.crypto.HmacSigner;
import io.herald.shared.crypto.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The links Herald puts in messages: the open pixel, click redirects and the unsubscribe page, on
 * {@code herald.public-url}. Open and click links carry an HMAC of what they stand for (key derived
 * from the node's secret key), so a click link redirects only to the URL it was made for: no open
 * redirect, and every node of a cluster accepts links any node made. The unsubscribe link is the
 * delivery id alone, as Customer.io's is: the id is a 28-character random capability.
 */
@ApplicationScoped
public class TrackingLinks {

  /** The key-derivation purpose. */
  static final String PURPOSE = "messaging.tracking-link";

  @Inject SecretCipher cipher;

  @Inject
  @ConfigProperty(name = "herald.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  private HmacSigner signer;

  @PostConstruct
  void init() {
    signer = new HmacSigner(cipher.deriveKey(PURPOSE));
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** For tests: a signer and base URL without CDI. */
  static TrackingLinks of(byte[] key, String publicUrl) {
    TrackingLinks links = new TrackingLinks();
    links.signer = new HmacSigner(key);
    links.publicUrl = publicUrl;
    return links;
  }

  /** The 1×1 image that reports an open. */
  String open(String deliveryId) {
    return publicUrl + "/t/o/" + deliveryId + "/" + signer.sign("open:" + deliveryId) + ".gif";
  }

  /** A redirect to {@code url} that reports a click. */
  String click(String deliveryId, String url) {
    return publicUrl
        + "/t/c/"
        + deliveryId
        + "/"
        + signer.sign("click:" + deliveryId + ":" + url)
        + "?u="
        + URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  /** The unsubscribe page, and the RFC 8058 one-click POST target. */
  String unsubscribe(String deliveryId) {
    return publicUrl + "/unsubscribe/" + deliveryId;
  }

  /** The hosted subscription-preferences page. */
  String preferences(String deliveryId) {
    return publicUrl + "/preferences/" + deliveryId;
  }

  /** The delivery's stored HTML, readable by whoever has the link. */
  String view(String deliveryId) {
    return publicUrl + "/v/" + deliveryId + "/" + signer.sign("view:" + deliveryId);
  }

  /**
   * The token the preferences form carries, so that a POST that changes preferences comes from the
   * page Herald served for this delivery and not from a form on another site.
   */
  public String preferencesToken(String deliveryId) {
    return signer.sign("preferences:" + deliveryId);
  }

  public boolean validPreferencesToken(String deliveryId, String token) {
    return token != null && signer.verify("preferences:" + deliveryId, token);
  }

  boolean validView(String deliveryId, String signature) {
    return signer.verify("view:" + deliveryId, signature);
  }

  /** Herald's own pages (unsubscribe, preferences, view in browser): never click-tracked. */
  boolean isOwnPage(String url) {
    return url.startsWith(publicUrl + "/unsubscribe/")
        || url.startsWith(publicUrl + "/preferences/")
        || url.startsWith(publicUrl + "/v/");
  }

  boolean validOpen(String deliveryId, String signature) {
    return signer.verify("open:" + deliveryId, signature);
  }

  boolean validClick(String deliveryId, String url, String signature) {
    return url != null && signer.verify("click:" + deliveryId + ":" + url, signature);
  }
}
