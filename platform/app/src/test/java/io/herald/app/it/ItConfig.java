package io.herald.app.it;

import java.nio.file.Path;

/** What the container under test was started with (failsafe system properties). */
public final class ItConfig {

  private ItConfig() {}

  /** A system property that failsafe or the database listener must have set. */
  public static String require(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " is not set: run container tests through Maven");
    }
    return value;
  }

  public static String siteId() {
    return require("herald.it.site-id");
  }

  public static String trackApiKey() {
    return require("herald.it.track-api-key");
  }

  public static String appApiKey() {
    return require("herald.it.app-api-key");
  }

  public static String writeKey() {
    return require("herald.it.write-key");
  }

  public static String adminEmail() {
    return require("herald.it.admin-email");
  }

  public static String adminPassword() {
    return require("herald.it.admin-password");
  }

  public static Path dataDir() {
    return Path.of(require("herald.it.data-dir"));
  }

  public static String dbUrl() {
    return require("herald.it.db.url");
  }

  public static String dbUser() {
    return require("herald.it.db.user");
  }

  public static String dbPassword() {
    return require("herald.it.db.password");
  }
}
