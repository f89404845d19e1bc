package io.herald.workspace.rest;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The public API families and how a request path maps to one. */
enum ApiFamily {
  /** Customer.io Track API v1/v2: Basic {@code site_id:api_key}. */
  TRACK,
  /** Customer.io App API: Bearer key. */
  APP,
  /** Data Pipelines / Segment spec: Basic {@code write_key:}. */
  PIPELINES;

  private static final Set<String> PIPELINE_CALLS =
      Set.of("identify", "track", "page", "screen", "group", "alias", "batch");

  /**
   * The signed download of an export's file: authorised by its own signature (exports module), as
   * Customer.io's S3 links are, so no API credential is asked for. Exactly this one path.
   */
  private static final Pattern EXPORT_FILE = Pattern.compile("v1/exports/[^/]+/file");

  /**
   * A webhook-triggered journey's inbound URL: its path token is the secret (journeys module), so
   * no API credential is asked for. Exactly this one path.
   */
  private static final Pattern JOURNEY_WEBHOOK = Pattern.compile("v1/webhooks/journeys/[^/]+");

  /**
   * The family of {@code path} (relative to the application root, with or without a leading slash),
   * or empty for paths no API credential guards (console, tracking links, health, signed export
   * downloads).
   */
  static Optional<ApiFamily> of(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (EXPORT_FILE.matcher(p).matches() || JOURNEY_WEBHOOK.matcher(p).matches()) {
      return Optional.empty();
    }
    if (p.startsWith("api/v1/")
        || p.startsWith("api/v2/")
        || p.equals("api/v1")
        || p.equals("api/v2")) {
      return Optional.of(TRACK);
    }
    if (p.startsWith("api/app/v1/")) {
      return Optional.of(APP);
    }
    if (p.startsWith("v1/") || p.equals("v1")) {
      String first = p.length() > 3 ? p.substring(3).split("/", 2)[0] : "";
      return Optional.of(PIPELINE_CALLS.contains(first) ? PIPELINES : APP);
    }
    return Optional.empty();
  }
}
