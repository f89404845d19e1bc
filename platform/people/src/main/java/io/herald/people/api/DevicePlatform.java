package io.herald.people.api;

import java.util.Locale;
import java.util.Optional;

/** The messaging platforms a device can belong to (Customer.io accepts these two). */
public enum DevicePlatform {
  /** Apple Push Notification service. */
  IOS,
  /** Firebase Cloud Messaging. */
  ANDROID;

  /** The name on the wire: {@code ios} or {@code android}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, ignoring case; empty for anything else. */
  public static Optional<DevicePlatform> fromWire(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "ios" -> Optional.of(IOS);
      case "android" -> Optional.of(ANDROID);
      default -> Optional.empty();
    };
  }
}
