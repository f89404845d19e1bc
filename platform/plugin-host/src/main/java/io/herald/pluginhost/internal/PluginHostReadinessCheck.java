package io.herald.pluginhost.internal;

import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code plugin-host}: UP once the plugins directory has been loaded, whatever
 * individual plugins did (a refused or failed plugin is an operator's problem, not a reason to stop
 * serving). Data: {@code plugins} found and {@code started}.
 */
@Readiness
@ApplicationScoped
public class PluginHostReadinessCheck implements HealthCheck {

  /** Name of the check in {@code /health/ready}. */
  public static final String NAME = "plugin-host";

  private final PluginHost host;

  /** For CDI's client proxy only. */
  protected PluginHostReadinessCheck() {
    this.host = null;
  }

  @Inject
  PluginHostReadinessCheck(PluginHost host) {
    this.host = host;
  }

  @Override
  public HealthCheckResponse call() {
    List<PluginInfo> plugins = host.plugins();
    long started = plugins.stream().filter(p -> p.status() == PluginStatus.STARTED).count();
    return new HealthCheckResponse(
        NAME,
        host.ready() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(Map.of("plugins", (long) plugins.size(), "started", started)));
  }
}
