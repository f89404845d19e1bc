package io.herald.workspace.api;

/** The API family a credential opens. */
public enum CredentialKind {
  /** Track API: HTTP Basic {@code site_id:api_key}. */
  TRACK,
  /** App API: {@code Authorization: Bearer <key>}. */
  APP,
  /** Data Pipelines: HTTP Basic {@code write_key:} or {@code writeKey} in the body. */
  PIPELINES
}
