package io.herald.webadmin.datain;

import io.herald.ingest.api.DataInLog;
import io.herald.ingest.api.DroppedMessage;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Data-in: the Pipelines messages the default workspace answered 200 (permissive mode) but did not
 * apply, the latest {@value #SHOWN} first, with the reason.
 */
@Named
@RequestScoped
public class DataInPage {

  /** Drops listed. */
  public static final int SHOWN = 100;

  @Inject DataInLog log;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private List<DroppedMessage> drops = List.of();

  @PostConstruct
  void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see what data-in dropped.");
      return;
    }
    drops =
        workspaces
            .defaultWorkspace()
            .map(WorkspaceView::id)
            .map(ws -> log.recentDrops(ws, SHOWN))
            .orElse(List.of());
  }

  public List<DroppedMessage> getDrops() {
    return drops;
  }
}
