package io.herald.journeys.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param end {@code completed}, {@code exited}, {@code horizon} (still inside at the horizon),
 *     {@code step_limit} (more than {@link #MAX_STEPS} steps) or {@code not_entered} (the entry
 *     filter, the entry rule or the frequency limit keeps the person out now; no steps)
 * @param endedAt when the run ended, or the horizon ({@code not_entered}: the start)
 * @param notes what a real run would do differently
 * @param reason why the person would not enter ({@code end} {@code not_entered}), else null
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
    List<String> notes,
    String reason) {

  /** Most steps one simulation takes (a cycle through a short delay stops there). */
  public static final int MAX_STEPS = 1000;

  /** Longest horizon. */
  public static final Duration MAX_HORIZON = Duration.ofDays(366);

  /** The end of a simulation whose person would not enter. */
  public static final String NOT_ENTERED = "not_entered";

  /** Copies the lists. */
  public Simulation {
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
  }

  /** A simulation the person entered. */
  public Simulation(
      long journeyId,
      int version,
      String cioId,
      Instant start,
      Instant horizon,
      List<Step> steps,
      String end,
      Instant endedAt,
      List<String> notes) {
    this(journeyId, version, cioId, start, horizon, steps, end, endedAt, notes, null);
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
   * @param preview a send step's message as it would go out (rendered with the person's data and
   *     the trigger data), null for other steps
   */
  public record Step(
      String node,
      String type,
      Instant at,
      String outcome,
      String detail,
      String edge,
      String next,
      Preview preview) {

    /** A step without a preview. */
    public Step(
        String node,
        String type,
        Instant at,
        String outcome,
        String detail,
        String edge,
        String next) {
      this(node, type, at, outcome, detail, edge, next, null);
    }
  }

  /**
   * A rendered message.
   *
   * @param subject the email subject, push or in-app title; null when the channel has none
   * @param body the text (an email's plain text)
   */
  public record Preview(String subject, String body) {}

  /**
   * How a simulated {@code send_webhook} step's call is answered (by default: 200 with no body).
   *
   * @param status the HTTP status: 2xx takes the {@code success} edge (and captures), anything else
   *     {@code failure}
   * @param headers the answer's headers (names in lower case), for {@code headers.<name>} captures
   * @param body the answer's body, for {@code body…} captures; null when none
   */
  public record WebhookAnswer(int status, Map<String, String> headers, JsonValue body) {

    /** Copies the headers. */
    public WebhookAnswer {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }

  /**
   * A hypothetical event the person performs during the simulation.
   *
   * @param name the event name
   * @param data its data (for wait-until and goal filters)
   * @param offset when, after the simulation's start
   */
  public record Event(String name, JsonObject data, Duration offset) {}
}
