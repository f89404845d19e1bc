package io.herald.journeys.internal;

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
import io.herald.journeys.api.Trigger;
import io.herald.journeys.api.WebhookReceipt;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.SegmentService;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journeys through the engine's stores; each call is one or a few short transactions. */
@ApplicationScoped
public class DefaultJourneyService implements JourneyService {

  /** Segment members entered per page of an API trigger to a segment. */
  private static final int PAGE = 500;

  @Inject JourneyEngine engine;

  @Inject PeopleService people;

  @Inject SegmentService segments;

  @Inject RunMetrics runMetrics;

  @Override
  public JourneyView create(WorkspaceId workspace, JsonObject document) {
    JourneyDefinition d = JourneyJson.parse(document);
    return tx(
        c -> {
          long id = store().create(c, workspace.value(), d, engine.clock().instant());
          return store().find(c, workspace.value(), id, false).orElseThrow().view();
        });
  }

  @Override
  public JourneyView update(WorkspaceId workspace, long id, JsonObject document) {
    JourneyDefinition d = JourneyJson.parse(document);
    JourneyJson.refuseSelfStart(d, id);
    JourneyView view =
        tx(
            c -> {
              StoredJourney j = locked(c, workspace, id);
              if (j.state() == JourneyState.ARCHIVED) {
                throw new InvalidJourneyException("campaign " + id + " is archived");
              }
              store().replace(c, j, d, engine.clock().instant());
              return store().find(c, workspace.value(), id, false).orElseThrow().view();
            });
    if (view.state() != JourneyState.DRAFT) {
      // The new version's date trigger (or none) decides the schedule.
      engine.engine().dates.refresh(workspace.value(), id);
    }
    return view;
  }

  @Override
  public String rotateWebhookToken(WorkspaceId workspace, long id) {
    return engine.engine().webhooks.rotate(workspace.value(), id);
  }

  @Override
  public WebhookReceipt receiveWebhook(String token, JsonObject body) {
    return engine.engine().webhooks.receive(token, body);
  }

  @Override
  public JourneyView find(WorkspaceId workspace, long id) {
    return tx(
        c ->
            store()
                .find(c, workspace.value(), id, false)
                .orElseThrow(() -> new JourneyNotFoundException(id))
                .view());
  }

  @Override
  public List<JourneyView> list(WorkspaceId workspace) {
    return tx(c -> store().list(c, workspace.value()).stream().map(StoredJourney::view).toList());
  }

  @Override
  public JourneyView changeState(WorkspaceId workspace, long id, JourneyState target) {
    engine.engine().lifecycle.change(workspace.value(), id, target);
    return find(workspace, id);
  }

  @Override
  public List<RunView> runs(WorkspaceId workspace, long id, String state, long before, int limit) {
    return tx(
        c -> {
          locked(c, workspace, id);
          return RunStore.ofJourney(c, id, state, before, limit).stream()
              .map(r -> r.view(List.of()))
              .toList();
        });
  }

  @Override
  public RunView run(WorkspaceId workspace, long journeyId, long runId) {
    return tx(
        c -> {
          locked(c, workspace, journeyId);
          StoredRun run =
              RunStore.run(c, runId, false)
                  .filter(r -> r.journeyId() == journeyId)
                  .orElseThrow(() -> new JourneyNotFoundException(journeyId));
          return run.view(RunStore.steps(c, runId));
        });
  }

  @Override
  public List<RunView> runsOf(WorkspaceId workspace, String cioId, int limit) {
    return tx(
        c -> {
          List<RunView> found = new ArrayList<>();
          for (StoredRun r : RunStore.ofPerson(c, workspace.value(), cioId, limit)) {
            found.add(r.view(RunStore.steps(c, r.id())));
          }
          return found;
        });
  }

  @Override
  public JourneyMetrics metrics(WorkspaceId workspace, long id) {
    tx(c -> locked(c, workspace, id));
    return runMetrics.of(workspace, id);
  }

  @Override
  public long trigger(WorkspaceId workspace, long id, ApiTrigger trigger) {
    StoredJourney j = tx(c -> locked(c, workspace, id));
    if (j.definition().trigger().type() != Trigger.TriggerType.API) {
      throw new InvalidJourneyException("campaign " + id + " is not triggered by the API");
    }
    if (j.state() != JourneyState.ACTIVE) {
      throw new InvalidJourneyException(
          "campaign " + id + " is " + j.state().wire() + ", not active");
    }
    // Resolve everyone first: a missing person fails the whole call unless told to ignore it.
    Map<String, JsonObject> audience = new LinkedHashMap<>();
    Map<String, Integer> named = new HashMap<>();
    List<String> missing = new ArrayList<>();
    TriggerErrors errors = new TriggerErrors();
    for (int i = 0; i < trigger.people().size(); i++) {
      ApiTrigger.Recipient r = trigger.people().get(i);
      Optional<PersonView> person = people.find(workspace, r.ref());
      if (person.isEmpty()) {
        missing.add(r.ref().value());
        errors.notFound(i, r);
        continue;
      }
      audience.put(person.get().cioId(), merged(trigger.data(), r.data()));
      named.putIfAbsent(person.get().cioId(), i);
    }
    if (!missing.isEmpty() && !trigger.ignoreMissing()) {
      throw new InvalidJourneyException(
          "no person with "
              + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
              + (missing.size() > 10 ? " (and " + (missing.size() - 10) + " more)" : "")
              + "; set id_ignore_missing / email_ignore_missing to skip them");
    }
    if (trigger.segmentId() != null && segments.find(workspace, trigger.segmentId()).isEmpty()) {
      throw new InvalidJourneyException("segment " + trigger.segmentId() + " does not exist");
    }
    long[] entered = {0};
    List<String> refused = new ArrayList<>();
    enterAll(j, audience, entered, refused);
    for (String cio : refused) {
      int i = named.get(cio);
      String why =
          tx(c ->
                  engine
                      .engine()
                      .entries
                      .refusal(
                          c, workspace.value(), id, j.definition(), cio, engine.clock().instant()))
              .orElse("the journey's entry rule kept the person out");
      errors.notEntered(i, trigger.people().get(i), why);
    }
    if (trigger.segmentId() != null) {
      long after = 0;
      while (true) {
        MemberPage page =
            segments.members(workspace, trigger.segmentId(), after, PAGE).orElse(null);
        if (page == null || page.cioIds().isEmpty()) {
          break;
        }
        Map<String, JsonObject> members = new LinkedHashMap<>();
        page.cioIds().forEach(cio -> members.put(cio, trigger.data()));
        enterAll(j, members, entered, new ArrayList<>());
        if (page.next().isEmpty()) {
          break;
        }
        after = page.next().getAsLong();
      }
    }
    int people = audience.size();
    return tx(
        c -> {
          long triggerId =
              Sql.insert(
                  c,
                  "INSERT INTO journeys_api_trigger (workspace_id, journey_id, people, entered,"
                      + " created_at, errors) VALUES (?, ?, ?, ?, ?, ?)",
                  workspace.value(),
                  id,
                  people,
                  entered[0],
                  engine.clock().instant(),
                  errors.count());
          errors.write(c, triggerId);
          return triggerId;
        });
  }

  @Override
  public String testSend(
      WorkspaceId workspace, long id, String nodeId, PersonRef person, JsonObject data) {
    return engine
        .engine()
        .testing
        .testSend(workspace.value(), id, nodeId, cioOf(workspace, person), data);
  }

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
    return engine
        .engine()
        .testing
        .simulate(
            workspace.value(),
            id,
            version,
            cioOf(workspace, person),
            data,
            events,
            webhooks,
            horizon);
  }

  @Override
  public RunMove moveRuns(WorkspaceId workspace, long id) {
    return engine.engine().mover.move(workspace.value(), id);
  }

  private String cioOf(WorkspaceId workspace, PersonRef person) {
    return people
        .find(workspace, person)
        .map(PersonView::cioId)
        .orElseThrow(() -> new JourneyNotFoundException("person " + person.value() + " not found"));
  }

  /** Enters each person; counts the runs started, lists those kept out in {@code refused}. */
  private void enterAll(
      StoredJourney j, Map<String, JsonObject> audience, long[] entered, List<String> refused) {
    for (Map.Entry<String, JsonObject> person : audience.entrySet()) {
      long run =
          tx(
              c ->
                  engine
                      .engine()
                      .entries
                      .enter(
                          c,
                          j,
                          person.getKey(),
                          person.getValue(),
                          "api trigger",
                          engine.clock().instant()));
      if (run != 0) {
        entered[0]++;
      } else {
        refused.add(person.getKey());
      }
    }
  }

  private static JsonObject merged(JsonObject data, JsonObject own) {
    if (own == null) {
      return data;
    }
    JsonObjectBuilder b = Jsons.createObjectBuilder(data);
    own.forEach(b::add);
    return b.build();
  }

  private StoredJourney locked(Connection c, WorkspaceId workspace, long id) throws SQLException {
    return store()
        .find(c, workspace.value(), id, true)
        .orElseThrow(() -> new JourneyNotFoundException(id));
  }

  private JourneyStore store() {
    return engine.engine().journeys;
  }

  private <T> T tx(Transactions.Work<T> work) {
    return Transactions.inTransaction(engine.dataSource(), "journeys", work);
  }
}
