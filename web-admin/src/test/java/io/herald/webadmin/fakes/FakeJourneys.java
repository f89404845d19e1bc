package io.herald.webadmin.fakes;

import io.herald.journeys.api.ApiTrigger;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.RunMove;
import io.herald.journeys.api.RunView;
import io.herald.journeys.api.Simulation;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journeys in memory for the console's page tests: documents are checked by the real {@link
 * JourneyJson} reader, versions grow on every update of a journey that has started, state moves
 * follow the real lifecycle's rules, runs are what the test adds.
 */
public final class FakeJourneys implements JourneyService {

  public static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  public final Map<Long, JourneyView> journeys = new LinkedHashMap<>();
  public final List<RunView> runs = new ArrayList<>();
  private long next = 1;

  @Override
  public JourneyView create(WorkspaceId workspace, JsonObject document) {
    JourneyDefinition d = JourneyJson.parse(document);
    JourneyView view = new JourneyView(next++, d.name(), JourneyState.DRAFT, 1, d, null, T, T);
    journeys.put(view.id(), view);
    return view;
  }

  @Override
  public JourneyView update(WorkspaceId workspace, long id, JsonObject document) {
    JourneyView old = find(workspace, id);
    JourneyDefinition d = JourneyJson.parse(document);
    int version = old.firstStartedAt() == null ? old.version() : old.version() + 1;
    JourneyView view =
        new JourneyView(id, d.name(), old.state(), version, d, old.firstStartedAt(), T, T);
    journeys.put(id, view);
    return view;
  }

  @Override
  public JourneyView find(WorkspaceId workspace, long id) {
    JourneyView view = journeys.get(id);
    if (view == null) {
      throw new JourneyNotFoundException(id);
    }
    return view;
  }

  @Override
  public List<JourneyView> list(WorkspaceId workspace) {
    return List.copyOf(journeys.values());
  }

  @Override
  public JourneyView changeState(WorkspaceId workspace, long id, JourneyState target) {
    JourneyView old = find(workspace, id);
    JourneyState from = old.state();
    boolean allowed =
        switch (target) {
          case ACTIVE -> from == JourneyState.DRAFT || from == JourneyState.PAUSED;
          case PAUSED -> from == JourneyState.ACTIVE;
          case ARCHIVED -> from != JourneyState.ARCHIVED;
          case DRAFT -> false;
        };
    if (!allowed) {
      throw new InvalidJourneyException(
          "a " + from.wire() + " journey cannot become " + target.wire());
    }
    Instant started =
        old.firstStartedAt() == null && target == JourneyState.ACTIVE ? T : old.firstStartedAt();
    JourneyView view =
        new JourneyView(
            id, old.name(), target, old.version(), old.definition(), started, old.createdAt(), T);
    journeys.put(id, view);
    return view;
  }

  @Override
  public List<RunView> runs(WorkspaceId workspace, long id, String state, long before, int limit) {
    return runs.stream()
        .filter(r -> r.journeyId() == id && (state == null || state.equals(r.state())))
        .filter(r -> r.id() < before)
        .limit(limit)
        .toList();
  }

  @Override
  public RunView run(WorkspaceId workspace, long journeyId, long runId) {
    return runs.stream()
        .filter(r -> r.journeyId() == journeyId && r.id() == runId)
        .findFirst()
        .orElseThrow(() -> new JourneyNotFoundException(journeyId));
  }

  @Override
  public List<RunView> runsOf(WorkspaceId workspace, String cioId, int limit) {
    return runs.stream().filter(r -> r.cioId().equals(cioId)).limit(limit).toList();
  }

  @Override
  public JourneyMetrics metrics(WorkspaceId workspace, long id) {
    long entered = runs.stream().filter(r -> r.journeyId() == id).count();
    long active =
        runs.stream().filter(r -> r.journeyId() == id && r.state().equals("active")).count();
    return new JourneyMetrics(entered, active, 0, 0, 0, Map.of());
  }

  @Override
  public long trigger(WorkspaceId workspace, long id, ApiTrigger trigger) {
    throw new IllegalStateException("the console never triggers journeys");
  }

  /** A test send the console asked for: journey, node, person and data. */
  public record TestSend(long journeyId, String node, PersonRef person, JsonObject data) {}

  /** What the console asked for, in order. */
  public final List<TestSend> testSends = new ArrayList<>();

  /** The simulations the console asked for (their person), in order. */
  public final List<PersonRef> simulated = new ArrayList<>();

  @Override
  public String testSend(
      WorkspaceId workspace, long id, String nodeId, PersonRef person, JsonObject data) {
    JourneyView j = find(workspace, id);
    if (j.definition().node(nodeId).filter(n -> n.type().sends()).isEmpty()) {
      throw new InvalidJourneyException("node '" + nodeId + "' is not a send step");
    }
    testSends.add(new TestSend(id, nodeId, person, data));
    return "test-delivery-" + testSends.size();
  }

  /** A run entering the start node and completing there at {@link #T} plus the events' offsets. */
  @Override
  public Simulation simulate(
      WorkspaceId workspace,
      long id,
      PersonRef person,
      Integer version,
      JsonObject data,
      List<Simulation.Event> events,
      java.util.Map<String, Simulation.WebhookAnswer> webhooks,
      Duration horizon) {
    JourneyView j = find(workspace, id);
    simulated.add(person);
    if (person.value().equals("kept-out")) {
      return new Simulation(
          id,
          j.version(),
          "cio-kept-out",
          T,
          T.plus(horizon),
          List.of(),
          Simulation.NOT_ENTERED,
          T,
          List.of(),
          "entry rule once: the person already entered this journey");
    }
    String start = j.definition().start();
    List<Simulation.Step> steps = new ArrayList<>();
    steps.add(new Simulation.Step(start, "send_email", T, "entered", "simulation", null, null));
    for (Simulation.Event e : events) {
      steps.add(
          new Simulation.Step(
              start, "send_email", T.plus(e.offset()), "converted", e.name(), null, null));
    }
    steps.add(new Simulation.Step(start, "send_email", T, "completed", null, null, null));
    return new Simulation(
        id,
        version == null ? j.version() : version,
        "cio-" + person.value(),
        T,
        T.plus(horizon),
        steps,
        "completed",
        T,
        List.of());
  }

  @Override
  public RunMove moveRuns(WorkspaceId workspace, long id) {
    return new RunMove(find(workspace, id).version(), 0, 0);
  }

  @Override
  public String rotateWebhookToken(WorkspaceId workspace, long id) {
    throw new IllegalStateException("the console never rotates webhook tokens");
  }

  @Override
  public io.herald.journeys.api.WebhookReceipt receiveWebhook(String token, JsonObject body) {
    throw new IllegalStateException("the console never receives webhooks");
  }
}
