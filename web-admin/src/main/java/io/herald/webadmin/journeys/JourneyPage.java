package io.herald.webadmin.journeys;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.RunView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A journey ({@code ?id=&state=}): its state, version, trigger and counts; who is where (its runs,
 * newest first, {@value #RUNS_SHOWN} at most, optionally only active, completed or exited ones: the
 * node each run is at or ended on, and why it left); and, for admins and editors, activate, pause,
 * resume and archive (confirmed).
 */
@Named
@ViewScoped
public class JourneyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Runs listed. */
  static final int RUNS_SHOWN = 100;

  @Inject JourneyService journeys;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long id;
  private String state;
  private transient JourneyView journey;
  private transient JourneyMetrics metrics;
  private transient List<RunView> runs = List.of();

  /** Loads the journey and its runs (the view's action). */
  public void load() {
    journey = null;
    metrics = null;
    runs = List.of();
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see journeys.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (id == null || ws.isEmpty()) {
      messages.error("Name a journey: journey.xhtml?id=<journey id>.");
      return;
    }
    String filter =
        state == null || !List.of("active", "completed", "exited").contains(state) ? null : state;
    try {
      journey = journeys.find(ws.get(), id);
      metrics = journeys.metrics(ws.get(), id);
      runs = journeys.runs(ws.get(), id, filter, 0, RUNS_SHOWN);
    } catch (JourneyNotFoundException e) {
      journey = null;
      messages.error("There is no journey " + id + ".");
    }
  }

  public void activate() {
    change(JourneyState.ACTIVE, "activated");
  }

  public void pause() {
    change(JourneyState.PAUSED, "paused: its runs hold where they are");
  }

  public void archive() {
    change(JourneyState.ARCHIVED, "archived: its runs exited");
  }

  private void change(JourneyState target, String done) {
    Optional<WorkspaceId> ws = workspace();
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change journeys.");
      return;
    }
    if (ws.isEmpty() || id == null) {
      messages.error("Name a journey: journey.xhtml?id=<journey id>.");
      return;
    }
    try {
      JourneyView changed = journeys.changeState(ws.get(), id, target);
      messages.info("Journey “" + changed.name() + "” " + done + ".");
    } catch (InvalidJourneyException | JourneyNotFoundException e) {
      messages.error("Not changed: " + e.getMessage() + ".");
    }
    load();
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public JourneyView getJourney() {
    return journey;
  }

  public JourneyMetrics getMetrics() {
    return metrics;
  }

  public List<RunView> getRuns() {
    return runs;
  }

  /** The journey's trigger as the list shows it. */
  public String getTrigger() {
    return journey == null ? "" : JourneysPage.trigger(journey);
  }

  /** The journey's state's wire name. */
  public String getJourneyState() {
    return journey == null ? "" : JourneysPage.state(journey);
  }
}
