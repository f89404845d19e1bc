package io.herald.journeys.api;

import java.time.Instant;
import java.util.List;

/**
 * A run: one person in one journey version.
 *
 * @param id the run's id
 * @param journeyId the journey
 * @param version the version it follows
 * @param cioId the person
 * @param state active, completed or exited
 * @param node where it is (or last was)
 * @param exitReason why it exited ({@code goal}, {@code segment}, {@code exit_step}, {@code
 *     archived}, {@code version_removed_node}, {@code person_deleted}), null otherwise
 * @param enteredAt when it started
 * @param endedAt when it ended, null while active
 * @param convertedAt when the person met the goal, null when not (yet)
 * @param steps its step log, oldest first (empty in lists)
 */
public record RunView(
    long id,
    long journeyId,
    int version,
    String cioId,
    String state,
    String node,
    String exitReason,
    Instant enteredAt,
    Instant endedAt,
    Instant convertedAt,
    List<Step> steps) {

  /** Copies the list. */
  public RunView {
    steps = List.copyOf(steps);
  }

  /**
   * One entry of the step log.
   *
   * @param node the node
   * @param outcome what happened ({@code entered}, {@code sent}, {@code waiting}, a branch label,
   *     {@code converted}, {@code exited}, …)
   * @param detail more about it (a delivery id, a due time), null for none
   * @param at when
   */
  public record Step(String node, String outcome, String detail, Instant at) {}
}
