package io.herald.journeys.internal;

import io.herald.journeys.api.RunView;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A simulated run kept in memory: what {@link StepRunner} writes about it lands here instead of in
 * the journeys tables. Not thread-safe; one simulation uses it.
 */
final class SimulatedRun implements RunLog {

  /** A pending timer; {@code seq} keeps the order of timers due at once. */
  record Timer(String node, String kind, Instant due, long seq) {}

  /** A step-log entry and where the run went from it. */
  record Logged(String node, String outcome, String detail, Instant at, String next) {}

  private final long workspaceId;
  private final long journeyId;
  private final int version;
  private final String cioId;
  private final JsonObject triggerData;
  private final Instant enteredAt;
  private final List<Timer> timers = new ArrayList<>();
  private final List<Logged> log = new ArrayList<>();
  private long seq;
  private String node;
  private String state = StoredRun.ACTIVE;
  private String exitReason;
  private String waitingEvent;
  private boolean waitingCondition;
  private Instant waitingSince;
  private Instant goalFrom;
  private Instant goalUntil;
  private Instant convertedAt;
  private Instant endedAt;

  SimulatedRun(
      long workspaceId,
      long journeyId,
      int version,
      String cioId,
      JsonObject triggerData,
      String start,
      Instant enteredAt) {
    this.workspaceId = workspaceId;
    this.journeyId = journeyId;
    this.version = version;
    this.cioId = cioId;
    this.triggerData = triggerData;
    this.node = start;
    this.enteredAt = enteredAt;
  }

  /** The run as the step runner reads it (id 0: it has no row). */
  StoredRun view() {
    return new StoredRun(
        0,
        workspaceId,
        journeyId,
        version,
        cioId,
        state,
        node,
        triggerData,
        waitingEvent,
        waitingCondition,
        waitingSince,
        goalFrom,
        goalUntil,
        convertedAt,
        exitReason,
        enteredAt,
        endedAt);
  }

  /** The timer due first. */
  Optional<Timer> nextTimer() {
    return timers.stream().min(Comparator.comparing(Timer::due).thenComparing(Timer::seq));
  }

  void take(Timer t) {
    timers.remove(t);
  }

  void converted(Instant at) {
    convertedAt = at;
  }

  /** How many step-log entries the run has. */
  int steps() {
    return log.size();
  }

  List<Logged> logged() {
    return List.copyOf(log);
  }

  @Override
  public void moveTo(String target) {
    node = target;
    if (!log.isEmpty()) {
      Logged last = log.get(log.size() - 1);
      if (last.next() == null && !last.node().equals(target)) {
        log.set(
            log.size() - 1,
            new Logged(last.node(), last.outcome(), last.detail(), last.at(), target));
      }
    }
  }

  @Override
  public void timer(String at, String kind, Instant due) {
    timers.add(new Timer(at, kind, due, seq++));
  }

  @Override
  public void deleteTimers(String kind) {
    timers.removeIf(t -> t.kind().equals(kind));
  }

  @Override
  public void step(String at, String outcome, String detail, Instant when) {
    log.add(new Logged(at, outcome, detail, when, null));
  }

  @Override
  public void waitFor(String event, boolean condition, Instant since) {
    waitingEvent = event;
    waitingCondition = condition;
    waitingSince = since;
  }

  @Override
  public void stopWaiting() {
    waitFor(null, false, null);
  }

  @Override
  public void goalWindow(Instant from, Instant until) {
    if (goalFrom == null) {
      goalFrom = from;
      goalUntil = until;
    }
  }

  @Override
  public void end(String endState, String reason, Instant at) {
    state = endState;
    exitReason = reason;
    endedAt = at;
    stopWaiting();
    timers.clear();
  }

  @Override
  public Optional<java.sql.Connection> connection() {
    return Optional.empty();
  }

  @Override
  public Optional<RunView.Step> latest(String at, String outcome) {
    for (int i = log.size() - 1; i >= 0; i--) {
      Logged l = log.get(i);
      if (l.node().equals(at) && l.outcome().equals(outcome)) {
        return Optional.of(new RunView.Step(l.node(), l.outcome(), l.detail(), l.at()));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> deliveries(String at) {
    return log.stream()
        .filter(l -> l.node().equals(at) && l.outcome().equals("sent"))
        .map(Logged::detail)
        .toList();
  }
}
