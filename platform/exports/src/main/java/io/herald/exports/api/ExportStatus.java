package io.herald.exports.api;

import java.util.Locale;

/** Where an export is: Customer.io's {@code pending}, {@code done} and {@code failed}. */
public enum ExportStatus {
  /** Running (or waiting for a thread). */
  PENDING,
  /** The file is complete and can be downloaded. */
  DONE,
  /** Stopped; the export's {@code failureReason} says why. */
  FAILED;

  /** The wire (and stored) form: {@code pending}, {@code done}, {@code failed}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the wire form. */
  public static ExportStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
