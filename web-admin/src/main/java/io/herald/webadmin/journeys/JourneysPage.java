package io.herald.webadmin.journeys;

import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * Journeys: every journey of the default workspace, oldest first, with its state, version and
 * trigger. Journeys are created and edited through the App API ({@code POST /v1/campaigns}) for
 * now; the list links to each journey's runs.
 */
@Named
@RequestScoped
public class JourneysPage {

  @Inject JourneyService journeys;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private List<JourneyView> rows = List.of();

  @PostConstruct
  void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see journeys.");
      return;
    }
    workspaces.defaultWorkspace().map(WorkspaceView::id).ifPresent(ws -> rows = journeys.list(ws));
  }

  public List<JourneyView> getRows() {
    return rows;
  }

  /** How a journey's trigger reads in the list (for the view). */
  public String triggerOf(JourneyView j) {
    return trigger(j);
  }

  /** The state's wire name (for the view). */
  public String stateOf(JourneyView j) {
    return state(j);
  }

  static String trigger(JourneyView j) {
    var t = j.definition().trigger();
    return switch (t.type()) {
      case EVENT -> "event " + t.event();
      case SEGMENT -> (t.onEnter() ? "enters" : "leaves") + " segment " + t.segmentId();
      default -> "API";
    };
  }

  static String state(JourneyView j) {
    return j.state().name().toLowerCase(Locale.ROOT);
  }
}
