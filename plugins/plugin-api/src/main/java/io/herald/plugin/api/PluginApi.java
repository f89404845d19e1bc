package io.herald.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build of the plugin API. The host uses {@link #VERSION} as PF4J's {@code
 * systemVersion}, so a plugin's {@code plugin.requires} expression is checked against it.
 */
public final class PluginApi {

  /** The SemVer version of this plugin API, for example {@code 1.0.0}. */
  public static final String VERSION = readVersion();

  private PluginApi() {}

  private static String readVersion() {
    try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
      if (in == null) {
        throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
