package io.herald.webadmin;

import io.herald.messaging.api.ChannelSettings;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.scheduling.api.NodeView;
import io.herald.scheduling.api.SchedulingService;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard: the default workspace, its active credentials, plugins and cluster at a glance.
 */
@Named
@RequestScoped
public class DashboardPage {

  /** The provider id of the development outbox plugin's email channel. */
  static final String DEV_OUTBOX = "dev-outbox";

  /** Active credentials of one kind. */
  public record KindCount(CredentialKind kind, long active) {}

  @Inject WorkspaceService workspaces;
  @Inject PluginHost pluginHost;
  @Inject SchedulingService scheduling;
  @Inject ChannelSettings channelSettings;

  private Optional<WorkspaceView> workspace = Optional.empty();
  private List<KindCount> activeCredentials = List.of();
  private List<PluginInfo> plugins = List.of();
  private List<NodeView> nodes = List.of();
  private boolean devOutbox;

  @PostConstruct
  void load() {
    workspace = workspaces.defaultWorkspace();
    List<CredentialView> credentials =
        workspace.map(w -> workspaces.credentials(w.id())).orElse(List.of());
    activeCredentials =
        Arrays.stream(CredentialKind.values())
            .map(k -> new KindCount(k, countActive(credentials, k)))
            .toList();
    plugins = pluginHost.plugins();
    nodes = scheduling.nodes();
    devOutbox =
        workspace.map(w -> channelSettings.list(w.id())).orElse(List.of()).stream()
            .anyMatch(
                s ->
                    s.isDefault()
                        && "email".equals(s.channel())
                        && DEV_OUTBOX.equals(s.provider()));
  }

  /**
   * Whether the workspace's default email channel is the dev outbox (nothing leaves the machine;
   * the dashboard links to the outbox page).
   */
  public boolean isDevOutbox() {
    return devOutbox;
  }

  private static long countActive(List<CredentialView> credentials, CredentialKind kind) {
    return credentials.stream().filter(c -> c.kind() == kind && c.active()).count();
  }

  public String getWorkspaceName() {
    return workspace.map(WorkspaceView::name).orElse("Not bootstrapped yet");
  }

  public List<KindCount> getActiveCredentials() {
    return activeCredentials;
  }

  public int getPluginsLoaded() {
    return plugins.size();
  }

  public long getPluginsStarted() {
    return plugins.stream().filter(p -> p.status() == PluginStatus.STARTED).count();
  }

  public long getNodesAlive() {
    return nodes.stream().filter(NodeView::alive).count();
  }

  public int getNodesKnown() {
    return nodes.size();
  }
}
