package io.herald.inapp.internal;

import io.herald.shared.crypto.HmacSigner;
import io.herald.workspace.api.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signs and checks SDK tokens: {@code v1.<base64url(cio_id)>.<expiry epoch seconds>.<signature>},
 * the signature an HMAC-SHA256 of the workspace, the person and the expiry. The workspace is not in
 * the token: it comes from the site id sent beside it, so a token of one workspace fails with
 * another's site id.
 */
public final class TokenSigner {

  private static final Pattern SHAPE =
      Pattern.compile("v1\\.([A-Za-z0-9_-]{1,64})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

  private final HmacSigner signer;

  /**
   * @param key the signing key (derived from the node's secret key)
   */
  public TokenSigner(byte[] key) {
    this.signer = new HmacSigner(key);
  }

  /** Why a token was refused, or that it holds. */
  public enum Status {
    VALID,
    MALFORMED,
    FORGED,
    EXPIRED
  }

  /**
   * What a token says.
   *
   * @param status whether it holds
   * @param cioId the person, empty unless valid
   * @param expiresAt the expiry, null unless valid or expired
   */
  public record Checked(Status status, String cioId, Instant expiresAt) {

    static Checked refused(Status status) {
      return new Checked(status, "", null);
    }
  }

  /** A token for the person in the workspace that expires at {@code expiresAt} (whole seconds). */
  public String sign(WorkspaceId workspace, String cioId, Instant expiresAt) {
    long expires = expiresAt.getEpochSecond();
    String person =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(cioId.getBytes(StandardCharsets.UTF_8));
    return "v1." + person + "." + expires + "." + signer.sign(text(workspace, cioId, expires));
  }

  /** Checks a token presented for the workspace at {@code now}. */
  public Checked check(WorkspaceId workspace, String token, Instant now) {
    if (token == null) {
      return Checked.refused(Status.MALFORMED);
    }
    var m = SHAPE.matcher(token);
    if (!m.matches()) {
      return Checked.refused(Status.MALFORMED);
    }
    Optional<String> cioId = decode(m.group(1));
    if (cioId.isEmpty()) {
      return Checked.refused(Status.MALFORMED);
    }
    long expires = Long.parseLong(m.group(2));
    if (!signer.verify(text(workspace, cioId.get(), expires), m.group(3))) {
      return Checked.refused(Status.FORGED);
    }
    Instant expiresAt = Instant.ofEpochSecond(expires);
    if (!now.isBefore(expiresAt)) {
      return new Checked(Status.EXPIRED, "", expiresAt);
    }
    return new Checked(Status.VALID, cioId.get(), expiresAt);
  }

  private static Optional<String> decode(String part) {
    try {
      return Optional.of(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(WorkspaceId workspace, String cioId, long expires) {
    return "inapp-sdk-token:v1:" + workspace.value() + ":" + cioId + ":" + expires;
  }
}
