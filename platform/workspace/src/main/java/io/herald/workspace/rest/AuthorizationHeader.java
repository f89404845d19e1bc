package io.herald.workspace.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Parses {@code Authorization} header values. */
final class AuthorizationHeader {

  /**
   * A decoded Basic credential.
   *
   * @param user the part before the first colon
   * @param password the rest (may be empty)
   */
  record Basic(String user, String password) {}

  private AuthorizationHeader() {}

  /** The Basic credential in {@code header}, if it is a well-formed Basic header. */
  static Optional<Basic> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** The token of a Bearer header, if present and non-empty. */
  static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
