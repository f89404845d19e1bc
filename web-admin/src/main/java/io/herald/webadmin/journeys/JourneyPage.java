package io.herald.webadmin.journeys;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.NodeType;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One journey ({@code journey.xhtml?id=&runs=&run=}): its state with the moves the lifecycle allows
 * (activate, pause, resume, archive), its counts, the structured step editor and the whole JSON
 * document (both save a new version when the journey has started; its runs stay on theirs), and its
 * runs: who is where and why they left, one run's step log. Changes need {@code admin} or {@code
 * editor}.
 */
@Named
@ViewScoped
public class JourneyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Runs shown per page. */
  static final int RUNS_PER_PAGE = 50;

  @Inject JourneyService journeys;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private long id;
  private String runs;
  private long run;
  private transient JourneyView journey;
  private transient JourneyMetrics metrics;
  private StepEditor steps;
  private String json;
  private String newStepType = NodeType.DELAY.wire();
  private List<String> problems = List.of();

  /** Reads the journey {@code id} names (the view's {@code f:viewAction}). */
  public void load() {
    journey = null;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see journeys.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return;
    }
    try {
      journey = journeys.find(ws.get(), id);
      metrics = journeys.metrics(ws.get(), id);
      json = JourneyDocuments.pretty(journey);
      steps = StepEditor.of(json);
    } catch (JourneyNotFoundException e) {
      messages.error("There is no journey " + id + ".");
    }
  }

  /** Activates a draft or resumes a paused journey. */
  public String activate() {
    return move(JourneyState.ACTIVE);
  }

  /** Pauses an active journey: its runs wait until it is resumed. */
  public String pause() {
    return move(JourneyState.PAUSED);
  }

  /** Archives the journey: its runs exit. */
  public String archive() {
    return move(JourneyState.ARCHIVED);
  }

  private String move(JourneyState target) {
    Optional<WorkspaceId> ws = editable("change journeys");
    if (ws.isEmpty() || journey == null) {
      return null;
    }
    try {
      JourneyView moved = journeys.changeState(ws.get(), id, target);
      messages.info("Journey “" + moved.name() + "” is " + moved.state().wire() + ".");
      return reopen();
    } catch (InvalidJourneyException e) {
      messages.error("Journey not changed: " + e.getMessage() + ".");
      return null;
    }
  }

  /** Saves the step editor's steps as the journey's document. */
  public String saveSteps() {
    if (steps == null) {
      return null;
    }
    String document;
    try {
      document = steps.document();
    } catch (IllegalArgumentException e) {
      problems = List.of(e.getMessage());
      messages.error("Steps not saved: " + e.getMessage() + ".");
      return null;
    }
    return save(document, "Steps");
  }

  /** Saves the JSON editor's document. */
  public String saveJson() {
    return save(json, "Document");
  }

  private String save(String document, String what) {
    Optional<WorkspaceId> ws = editable("change journeys");
    if (ws.isEmpty() || journey == null) {
      return null;
    }
    problems = List.of();
    try {
      JourneyView saved = journeys.update(ws.get(), id, JourneyDocuments.parse(document));
      messages.info(
          what + " saved: journey “" + saved.name() + "” is at version " + saved.version() + ".");
      return reopen();
    } catch (InvalidJourneyException e) {
      problems = e.problems();
    } catch (IllegalArgumentException e) {
      problems = List.of(e.getMessage());
    }
    messages.error(what + " not saved: " + String.join("; ", problems) + ".");
    return null;
  }

  private String reopen() {
    messages.keepForRedirect();
    return "/journey?faces-redirect=true&id=" + id;
  }

  /** Adds a step of {@link #getNewStepType()} at the end of the editor. */
  public void addStep() {
    steps.add(newStepType);
  }

  /** Removes the editor's step at the index (saved with the next save). */
  public void removeStep(int index) {
    steps.remove(index);
  }

  /** Moves the editor's step at the index up (the first step is where runs start). */
  public void moveStepUp(int index) {
    steps.moveUp(index);
  }

  private Optional<WorkspaceId> editable(String what) {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may " + what + ".");
      return Optional.empty();
    }
    return workspace();
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  /** The journey's runs, newest first, of the state {@code runs} names (all when empty). */
  public List<RunView> getRunList() {
    Optional<WorkspaceId> ws = workspace();
    if (journey == null || ws.isEmpty()) {
      return List.of();
    }
    String state = runs == null || runs.isBlank() ? null : runs;
    return journeys.runs(ws.get(), id, state, Long.MAX_VALUE, RUNS_PER_PAGE);
  }

  /** The run {@code run} names, with its step log; null when none is chosen or it is not here. */
  public RunView getSelectedRun() {
    Optional<WorkspaceId> ws = workspace();
    if (journey == null || run <= 0 || ws.isEmpty()) {
      return null;
    }
    try {
      return journeys.run(ws.get(), id, run);
    } catch (JourneyNotFoundException e) {
      return null;
    }
  }

  /** Whether the lifecycle allows activating (or resuming). */
  public boolean isActivatable() {
    return journey != null
        && (journey.state() == JourneyState.DRAFT || journey.state() == JourneyState.PAUSED);
  }

  public boolean isPausable() {
    return journey != null && journey.state() == JourneyState.ACTIVE;
  }

  public boolean isArchivable() {
    return journey != null && journey.state() != JourneyState.ARCHIVED;
  }

  /** The step types the editor offers. */
  public List<String> getStepTypes() {
    return Arrays.stream(NodeType.values()).map(NodeType::wire).toList();
  }

  /** What starts the journey. */
  public String getTrigger() {
    return journey == null ? "" : JourneyDocuments.trigger(journey);
  }

  public JourneyView getJourney() {
    return journey;
  }

  public JourneyMetrics getMetrics() {
    return metrics;
  }

  public StepEditor getSteps() {
    return steps;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getRuns() {
    return runs;
  }

  public void setRuns(String runs) {
    this.runs = runs;
  }

  public long getRun() {
    return run;
  }

  public void setRun(long run) {
    this.run = run;
  }

  public String getJson() {
    return json;
  }

  public void setJson(String json) {
    this.json = json;
  }

  public String getNewStepType() {
    return newStepType;
  }

  public void setNewStepType(String newStepType) {
    this.newStepType = newStepType;
  }

  /** Why the last save was refused, one line per problem (with its JSON path). */
  public List<String> getProblems() {
    return problems;
  }
}
