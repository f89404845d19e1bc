package io.herald.journeys.api;

import io.herald.segments.api.condition.ConditionDocument;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A checked journey document ({@link JourneyJson#parse}).
 *
 * @param name 1 to 255 characters
 * @param trigger what starts a run
 * @param entryRule how often one person may enter
 * @param entryFilter who may enter (a segments condition tree), null for everyone
 * @param frequency at most this many entries per person within a window, null for no limit
 * @param start the first node
 * @param nodes every node by id, in document order
 * @param goal the conversion goal, null for none
 * @param exitOnGoal whether meeting the goal ends the run
 * @param exitSegment a run ends when the person leaves this segment, null for none
 * @param document the document as given (what export returns)
 */
public record JourneyDefinition(
    String name,
    Trigger trigger,
    EntryRule entryRule,
    ConditionDocument entryFilter,
    Frequency frequency,
    String start,
    Map<String, Node> nodes,
    Goal goal,
    boolean exitOnGoal,
    Long exitSegment,
    JsonObject document) {

  /** Keeps the node order. */
  public JourneyDefinition {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /** A node by id. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(id == null ? null : nodes.get(id));
  }

  /**
   * The frequency limit.
   *
   * @param max entries per person
   * @param within in this window
   */
  public record Frequency(int max, Duration within) {}
}
