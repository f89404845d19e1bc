package io.herald.webadmin.journeys;

import io.herald.journeys.api.ApiTrigger;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.RunView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Journeys in memory, with the lifecycle's rules. */
final class FakeJourneys implements JourneyService {

  static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

  final Map<Long, JourneyView> journeys = new LinkedHashMap<>();
  final List<RunView> runs = new ArrayList<>();
  String askedState;

  JourneyView add(long id, String document, JourneyState state) {
    JsonObject doc;
    try (var r = Json.createReader(new StringReader(document.replace('\'', '"')))) {
      doc = r.readObject();
    }
    JourneyView j =
        new JourneyView(id, doc.getString("name"), state, 1, JourneyJson.parse(doc), null, T, T);
    journeys.put(id, j);
    return j;
  }

  @Override
  public JourneyView create(WorkspaceId workspace, JsonObject document) {
    throw new AssertionError("not used by the console");
  }

  @Override
  public JourneyView update(WorkspaceId workspace, long id, JsonObject document) {
    throw new AssertionError("not used by the console");
  }

  @Override
  public JourneyView find(WorkspaceId workspace, long id) {
    JourneyView j = journeys.get(id);
    if (j == null) {
      throw new JourneyNotFoundException(id);
    }
    return j;
  }

  @Override
  public List<JourneyView> list(WorkspaceId workspace) {
    return List.copyOf(journeys.values());
  }

  @Override
  public JourneyView changeState(WorkspaceId workspace, long id, JourneyState target) {
    JourneyView j = find(workspace, id);
    if (j.state() == JourneyState.ARCHIVED || j.state() == target) {
      throw new InvalidJourneyException(
          "campaign " + id + " is " + j.state().wire() + "; it cannot become " + target.wire());
    }
    JourneyView changed =
        new JourneyView(j.id(), j.name(), target, j.version(), j.definition(), T, j.createdAt(), T);
    journeys.put(id, changed);
    return changed;
  }

  @Override
  public List<RunView> runs(WorkspaceId workspace, long id, String state, long before, int limit) {
    find(workspace, id);
    askedState = state;
    return runs.stream()
        .filter(r -> r.journeyId() == id && (state == null || r.state().equals(state)))
        .limit(limit)
        .toList();
  }

  @Override
  public RunView run(WorkspaceId workspace, long journeyId, long runId) {
    return runs.stream()
        .filter(r -> r.id() == runId)
        .findFirst()
        .orElseThrow(() -> new JourneyNotFoundException(journeyId));
  }

  @Override
  public List<RunView> runsOf(WorkspaceId workspace, String cioId, int limit) {
    return runs.stream().filter(r -> r.cioId().equals(cioId)).limit(limit).toList();
  }

  @Override
  public JourneyMetrics metrics(WorkspaceId workspace, long id) {
    List<RunView> mine = runs.stream().filter(r -> r.journeyId() == id).toList();
    return new JourneyMetrics(
        mine.size(),
        mine.stream().filter(r -> r.state().equals("active")).count(),
        mine.stream().filter(r -> r.state().equals("completed")).count(),
        mine.stream().filter(r -> r.state().equals("exited")).count(),
        mine.stream().filter(r -> r.convertedAt() != null).count(),
        Map.of());
  }

  @Override
  public long trigger(WorkspaceId workspace, long id, ApiTrigger trigger) {
    throw new AssertionError("not used by the console");
  }
}
