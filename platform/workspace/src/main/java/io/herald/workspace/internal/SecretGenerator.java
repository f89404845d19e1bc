package io.herald.workspace.internal;

import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.CredentialKind;
import java.util.Optional;

/**
 * Makes credential secrets, or checks operator-supplied ones ({@code HERALD_BOOTSTRAP_*}) against
 * the same rules: printable, no colon (it separates Basic auth parts), long enough.
 */
final class SecretGenerator {

  static final int MIN_SECRET_LENGTH = 16;
  static final int MIN_SITE_ID_LENGTH = 8;

  private SecretGenerator() {}

  /** A new random secret for {@code kind}. */
  static String newSecret(CredentialKind kind) {
    return switch (kind) {
      case TRACK -> Tokens.randomHex(16);
      case APP -> Tokens.randomHex(20);
      case PIPELINES -> Tokens.randomAlphanumeric(32);
    };
  }

  /** A new random Track API site id (20 hex characters, like Customer.io's). */
  static String newSiteId() {
    return Tokens.randomHex(10);
  }

  /** {@code supplied} when valid, else a fresh secret; invalid input fails loudly. */
  static String secretOrNew(CredentialKind kind, Optional<String> supplied, String setting) {
    return supplied
        .map(s -> checked(s, MIN_SECRET_LENGTH, setting))
        .orElseGet(() -> newSecret(kind));
  }

  /** {@code supplied} when valid, else a fresh site id. */
  static String siteIdOrNew(Optional<String> supplied) {
    return supplied
        .map(s -> checked(s, MIN_SITE_ID_LENGTH, "HERALD_BOOTSTRAP_SITE_ID"))
        .orElseGet(SecretGenerator::newSiteId);
  }

  static String checked(String value, int minLength, String setting) {
    if (value.length() < minLength || value.length() > 128) {
      throw new IllegalArgumentException(
          setting + " must be " + minLength + " to 128 characters long");
    }
    if (!value.matches("[\\x21-\\x7E]+") || value.contains(":")) {
      throw new IllegalArgumentException(
          setting + " may only contain printable ASCII without spaces or ':'");
    }
    return value;
  }
}
