package io.herald.exports.api;

/** The verdict on a download link's query parameters. */
public enum LinkCheck {
  /** Signed by this cluster, unexpired, and the export is done: serve the file. */
  VALID,
  /** The signature does not match the export id and expiry (or is missing or malformed). */
  INVALID,
  /** Correctly signed but past its expiry. */
  EXPIRED
}
