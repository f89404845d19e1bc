package io.herald.inapp.rest;

import io.herald.inapp.internal.DefaultSdkTokens;
import io.herald.inapp.internal.SiteDirectory;
import io.herald.inapp.internal.TokenSigner;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.WorkspaceId;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;

/**
 * Who calls an SDK endpoint: the site id ({@code X-Herald-Site-Id} header or {@code site_id} query
 * parameter) names the workspace, the token ({@code Authorization: Bearer …} or {@code token} query
 * parameter, for EventSource-style clients that cannot set headers) the person.
 *
 * @param workspace the workspace of the site id
 * @param cioId the person the token was issued for
 */
record SdkCaller(WorkspaceId workspace, String cioId) {

  static final String SITE_HEADER = "X-Herald-Site-Id";

  /** Thrown with the 401 to answer. */
  static final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    Unauthorized(String message) {
      super(message, null, false, false);
      this.response =
          Response.fromResponse(ApiErrors.app(Status.UNAUTHORIZED, message))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Herald in-app SDK\"")
              .header(HttpHeaders.CACHE_CONTROL, "no-store")
              .build();
    }

    Response response() {
      return response;
    }
  }

  /**
   * Authenticates a request.
   *
   * @throws Unauthorized when the site id or the token does not hold
   */
  static SdkCaller of(
      HttpHeaders headers,
      String siteQuery,
      String tokenQuery,
      SiteDirectory sites,
      DefaultSdkTokens tokens) {
    String site = Optional.ofNullable(headers.getHeaderString(SITE_HEADER)).orElse(siteQuery);
    String token = bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(tokenQuery);
    if (site == null || site.isEmpty()) {
      throw new Unauthorized("site id missing: send the X-Herald-Site-Id header");
    }
    if (token == null || token.isEmpty()) {
      throw new Unauthorized("token missing: send Authorization: Bearer <token>");
    }
    Optional<WorkspaceId> workspace = sites.workspaceOf(site);
    if (workspace.isEmpty()) {
      throw new Unauthorized("unknown site id");
    }
    TokenSigner.Checked checked = tokens.check(workspace.get(), token);
    return switch (checked.status()) {
      case VALID -> new SdkCaller(workspace.get(), checked.cioId());
      case EXPIRED -> throw new Unauthorized("token expired: get a new one from your backend");
      case FORGED, MALFORMED -> throw new Unauthorized("invalid token for this site id");
    };
  }

  private static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }
}
