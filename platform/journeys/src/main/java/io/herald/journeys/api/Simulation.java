package io.herald.journeys.api;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The path one person would take through a journey version, worked out on a virtual clock without
 * side effects ({@link JourneyService#simulate}).
 *
 * @param journeyId the journey
 * @param version the simulated version
 * @param cioId the person
 * @param start the virtual clock's start (the real time of the request)
 * @param horizon where the simulation stops if the run has not ended
 * @param steps the run's step log, in order
 * @param end {@code completed}, {@code exited}, {@code horizon} (still inside at the horizon) or
 *     {@code step_limit} (more than {@link #MAX_STEPS} steps)
 * @param endedAt when the run ended, or the horizon
 * @param notes what a real run would do differently (the entry filter refuses the person now)
 */
public record Simulation(
    long journeyId,
    int version,
    String cioId,
    Instant start,
    Instant horizon,
    List<Step> steps,
    String end,
    Instant endedAt,
    List<String> notes) {

  /** Most steps one simulation takes (a cycle through a short delay stops there). */
  public static final int MAX_STEPS = 1000;

  /** Longest horizon. */
  public static final Duration MAX_HORIZON = Duration.ofDays(366);

  /** Copies the lists. */
  public Simulation {
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
  }

  /**
   * One step-log entry of the simulated run.
   *
   * @param node the node id
   * @param type the node's type ({@code send_email}, …), null for a node the version lacks
   * @param at the virtual time
   * @param outcome as a real run's step log says it ({@code sent}, {@code true}, {@code waiting},
   *     …)
   * @param detail sends: {@code would send …}; waits: until when; exits: the reason
   * @param edge the edge label the run took out of the node, null when it did not leave it here
   * @param next the node the edge leads to, null when none
   */
  public record Step(
      String node,
      String type,
      Instant at,
      String outcome,
      String detail,
      String edge,
      String next) {}

  /**
   * A hypothetical event the person performs during the simulation.
   *
   * @param name the event name
   * @param data its data (for wait-until and goal filters)
   * @param offset when, after the simulation's start
   */
  public record Event(String name, JsonObject data, Duration offset) {}
}
