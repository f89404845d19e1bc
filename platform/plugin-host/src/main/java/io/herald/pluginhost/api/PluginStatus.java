package io.herald.pluginhost.api;

/** The state of one plugin as the host sees it. */
public enum PluginStatus {
  /** Loaded and started; its extensions are in use. */
  STARTED,
  /** Refused: its {@code plugin.requires} does not match this host's plugin API version. */
  INCOMPATIBLE,
  /** Loading or starting failed; see the reason. */
  FAILED,
  /** Loaded but not started (disabled by the operator or stopped). */
  STOPPED
}
