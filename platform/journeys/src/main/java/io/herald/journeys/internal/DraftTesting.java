package io.herald.journeys.internal;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.Simulation;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Trying a journey out before (or while) people go through it: test sends of its send steps and
 * simulations of one person's path. Neither writes a journeys row.
 */
final class DraftTesting {

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final Effects effects;

  DraftTesting(DataSource dataSource, Clock clock, JourneyStore journeys, Effects effects) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.effects = effects;
  }

  /**
   * Sends the message of the current version's send step {@code nodeId} to the person as a test.
   *
   * @return the delivery id
   */
  String testSend(long ws, long journeyId, String nodeId, String cioId, JsonObject data) {
    StoredJourney j = journey(ws, journeyId);
    Node node =
        j.definition()
            .node(nodeId)
            .orElseThrow(
                () ->
                    new JourneyNotFoundException(
                        "campaign " + journeyId + " has no node '" + nodeId + "'"));
    if (!node.type().sends()) {
      throw new InvalidJourneyException(
          "node '" + nodeId + "' is a " + node.type().wire() + " step, not a send step");
    }
    try {
      return effects.sendTest(
          new WorkspaceId(ws),
          cioId,
          node.settings().getString("channel", "email"),
          node.settings(),
          data);
    } catch (Effects.StepFailure e) {
      throw new InvalidJourneyException("node '" + nodeId + "': " + e.getMessage());
    }
  }

  /** Simulates the person's path through a version (null: the current one) from now. */
  Simulation simulate(
      long ws,
      long journeyId,
      Integer version,
      String cioId,
      JsonObject data,
      List<Simulation.Event> events,
      Duration horizon) {
    return simulate(ws, journeyId, version, cioId, data, events, Map.of(), horizon);
  }

  /**
   * Simulates the person's path through a version (null: the current one) from now, with the
   * answers of its webhook calls by node id; a person the entry filter, frequency limit or entry
   * rule keeps out now does not enter ({@link Simulation#NOT_ENTERED}).
   */
  Simulation simulate(
      long ws,
      long journeyId,
      Integer version,
      String cioId,
      JsonObject data,
      List<Simulation.Event> events,
      Map<String, Simulation.WebhookAnswer> webhooks,
      Duration horizon) {
    StoredJourney j = journey(ws, journeyId);
    int v = version == null ? j.version() : version;
    if (v < 1 || v > j.version()) {
      throw new JourneyNotFoundException("campaign " + journeyId + " has no version " + v);
    }
    JourneyDefinition d =
        v == j.version()
            ? j.definition()
            : Transactions.autoCommit(
                dataSource, "journeys simulate", c -> journeys.version(c, journeyId, v));
    Instant now = clock.instant();
    Optional<String> refused =
        Transactions.autoCommit(
            dataSource,
            "journeys simulate",
            c -> new Entries(effects).refusal(c, ws, journeyId, d, cioId, now));
    if (refused.isPresent()) {
      return new Simulation(
          journeyId,
          v,
          cioId,
          now,
          now.plus(horizon),
          List.of(),
          Simulation.NOT_ENTERED,
          now,
          List.of(),
          refused.get());
    }
    return new Simulator(effects)
        .simulate(ws, journeyId, v, d, cioId, data, events, webhooks, now, horizon);
  }

  private StoredJourney journey(long ws, long id) {
    return Transactions.autoCommit(
        dataSource,
        "journeys draft testing",
        c -> journeys.find(c, ws, id, false).orElseThrow(() -> new JourneyNotFoundException(id)));
  }
}
