package io.herald.journeys.internal;

import io.herald.segments.api.ConditionMatcher;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.internal.realtime.DefaultConditionMatcher;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Effects for the engine's scenario tests: sends and attribute updates are recorded (a send key
 * seen before answers the earlier delivery, as messaging does), conditions are evaluated by the
 * segments module's real matcher on the test database, zones come from the test.
 */
final class RecordingEffects implements Effects {

  /** A recorded send. */
  record Sent(String cioId, String subject, Instant at, String deliveryId) {}

  private final Clock clock;
  private final DataSource dataSource;
  private final Map<String, java.util.Set<String>> related = new ConcurrentHashMap<>();
  private final DefaultConditionMatcher matcher;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> metrics = new ConcurrentHashMap<>();
  private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
  private final List<String> updates = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger failAfterSend =
      new java.util.concurrent.atomic.AtomicInteger();

  private final java.util.Set<String> failOnceFor = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> failingMatches = ConcurrentHashMap.newKeySet();

  RecordingEffects(DataSource dataSource, Clock clock) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.matcher = new DefaultConditionMatcher(dataSource, ws -> ZoneOffset.UTC);
  }

  private int attempts;

  /** Sends that queued a new delivery. */
  synchronized int attempts() {
    return attempts;
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized List<Sent> sentTo(String cioId) {
    return sent.stream().filter(s -> s.cioId().equals(cioId)).toList();
  }

  synchronized List<String> updates() {
    return List.copyOf(updates);
  }

  /**
   * The next {@code times} sends are queued and then fail as if the node died before the step's
   * transaction committed.
   */
  void failAfterSend(int times) {
    failAfterSend.set(times);
  }

  /** The next send to {@code cioId} fails before it queues anything (a bug, an outage). */
  void failOnceFor(String cioId) {
    failOnceFor.add(cioId);
  }

  void zone(String cioId, ZoneId zone) {
    zones.put(cioId, zone);
  }

  void metric(String deliveryId, String metric) {
    metrics
        .computeIfAbsent(deliveryId, k -> new ConcurrentHashMap<>())
        .put(metric, clock.instant());
  }

  @Override
  public synchronized String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    String earlier = keys.get(key);
    if (earlier != null) {
      return earlier;
    }
    if (failOnceFor.remove(cioId)) {
      throw new IllegalStateException("sending to " + cioId + " failed (test)");
    }
    attempts++;
    String subject =
        settings.containsKey("subject")
            ? settings.getString("subject")
            : "message " + settings.get("message_id");
    if (subject.equals("refuse")) {
      throw new StepFailure("subject: refused by the test");
    }
    String delivery = "d" + (sent.size() + 1) + "-" + cioId;
    sent.add(new Sent(cioId, subject, clock.instant(), delivery));
    keys.put(key, delivery);
    metric(delivery, "sent");
    if (failAfterSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the node died after queueing " + delivery);
    }
    return delivery;
  }

  /** Records an SMS, push, WhatsApp or in-app send as "<channel> message <message_id>". */
  @Override
  public synchronized String send(
      WorkspaceId ws,
      String cioId,
      String channel,
      JsonObject settings,
      JsonObject data,
      String key) {
    return sendEmail(
        ws,
        cioId,
        io.herald.shared.json.Jsons.createObjectBuilder()
            .add("subject", channel + " message " + settings.get("message_id"))
            .build(),
        data,
        key);
  }

  /** Records a test send with its subject marked {@code [TEST] }; never keyed. */
  @Override
  public synchronized String sendTest(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    attempts++;
    String subject =
        "[TEST] "
            + (channel.equals("email") && settings.containsKey("subject")
                ? settings.getString("subject")
                : channel + " message " + settings.get("message_id"));
    String delivery = "t" + (sent.size() + 1) + "-" + cioId;
    sent.add(new Sent(cioId, subject, clock.instant(), delivery));
    return delivery;
  }

  /**
   * Renders {@code {{trigger.x}}} and {@code {{customer.x}}} of the subject and body (messaging's
   * Liquid is not here; {@code JourneyDraftTestingIT} renders through it); an undefined variable
   * fails as messaging's strict Liquid does.
   */
  @Override
  public Rendered render(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    JsonObject customer = attributes(ws, cioId).orElseThrow(() -> new StepFailure("no person"));
    return new Rendered(
        fill(settings.getString("subject", null), customer, data),
        fill(settings.getString("body", null), customer, data));
  }

  private static String fill(String template, JsonObject customer, JsonObject trigger) {
    if (template == null) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\{\\{\\s*(customer|trigger)\\.(\\w+)\\s*}}")
            .matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonObject from = m.group(1).equals("customer") ? customer : trigger;
      jakarta.json.JsonValue v = from == null ? null : from.get(m.group(2));
      if (v == null) {
        throw new StepFailure(
            "would not render: " + m.group(1) + "." + m.group(2) + " is not defined");
      }
      String text = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A recorded webhook call: the step's settings and when it was queued. */
  record Call(String cioId, JsonObject settings, Instant at, String deliveryId) {}

  private final List<Call> calls = new ArrayList<>();
  private final java.util.Deque<CallOutcome> answers = new java.util.ArrayDeque<>();
  private final Map<String, CallOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Integer> pendingChecks = new ConcurrentHashMap<>();
  private final List<String> checks = new ArrayList<>();
  private int checksBeforeAnswer;

  /** The next webhook call gets this answer (calls without one fail: "no answer queued"). */
  synchronized void answer(CallOutcome outcome) {
    answers.add(outcome);
  }

  /** Every later call stays pending for this many checks before its answer is final. */
  synchronized void checksBeforeAnswer(int n) {
    checksBeforeAnswer = n;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The delivery ids looked at, with the time of each look. */
  synchronized List<String> checks() {
    return List.copyOf(checks);
  }

  @Override
  public synchronized String callWebhook(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    String earlier = keys.get(key);
    if (earlier != null) {
      return earlier;
    }
    if (settings.getString("url").contains("refuse")) {
      throw new StepFailure("url: refused by the test");
    }
    String delivery = "w" + (calls.size() + 1) + "-" + cioId;
    calls.add(new Call(cioId, settings, clock.instant(), delivery));
    keys.put(key, delivery);
    CallOutcome answer = answers.poll();
    outcomes.put(
        delivery, answer == null ? new CallOutcome(false, "no answer queued", null) : answer);
    pendingChecks.put(delivery, checksBeforeAnswer);
    if (failAfterSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the node died after queueing " + delivery);
    }
    return delivery;
  }

  @Override
  public synchronized Optional<CallOutcome> outcome(WorkspaceId ws, String deliveryId) {
    checks.add(deliveryId + " " + clock.instant());
    int pending = pendingChecks.getOrDefault(deliveryId, 0);
    if (pending > 0) {
      pendingChecks.put(deliveryId, pending - 1);
      return Optional.empty();
    }
    return Optional.ofNullable(outcomes.get(deliveryId));
  }

  @Override
  public Optional<Map<String, Instant>> deliveryMetrics(WorkspaceId ws, String deliveryId) {
    return Optional.ofNullable(metrics.get(deliveryId)).map(Map::copyOf);
  }

  @Override
  public synchronized void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes) {
    updates.add(cioId + " " + attributes);
  }

  @Override
  public void segment(WorkspaceId ws, long segmentId, String cioId, boolean add) {
    synchronized (this) {
      updates.add(cioId + (add ? " +" : " -") + segmentId);
    }
  }

  @Override
  public boolean matches(
      WorkspaceId ws,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      ConditionMatcher.Hypothesis hypothesis) {
    if (failingMatches.contains(cioId)) {
      throw new IllegalStateException("matching " + cioId + " failed (test)");
    }
    return matcher.matches(ws, cioId, conditions, now, hypothesis);
  }

  /** Every entry filter evaluation for the person throws (a corrupt profile, a bug). */
  void failMatchesOf(String cioId) {
    failingMatches.add(cioId);
  }

  @Override
  public ZoneId zoneOf(WorkspaceId ws, String cioId) {
    return zones.getOrDefault(cioId, ZoneOffset.UTC);
  }

  /** The person is related to the object (what {@link #relatedPeople} answers). */
  void relate(String cioObjectId, String cioId) {
    related.computeIfAbsent(cioObjectId, k -> ConcurrentHashMap.newKeySet()).add(cioId);
  }

  @Override
  public Optional<JsonObject> attributes(WorkspaceId ws, String cioId) {
    return query(
            "SELECT attributes FROM people_person WHERE workspace_id = ? AND cio_id = ?",
            ws.value(),
            cioId)
        .stream()
        .findFirst()
        .map(RunStore::json);
  }

  @Override
  public List<Person> people(WorkspaceId ws, String afterCioId, int limit) {
    List<Person> found = new ArrayList<>();
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement q =
            c.prepareStatement(
                "SELECT cio_id, attributes FROM people_person WHERE workspace_id = ?"
                    + " AND cio_id > ? ORDER BY cio_id LIMIT ?")) {
      q.setLong(1, ws.value());
      q.setString(2, afterCioId == null ? "" : afterCioId);
      q.setInt(3, limit);
      try (java.sql.ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(new Person(rs.getString(1), RunStore.json(rs.getString(2))));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  @Override
  public Optional<String> cioIdOf(WorkspaceId ws, String idType, String value) {
    String column =
        switch (idType) {
          case "id" -> "customer_id";
          case "cio_id" -> "cio_id";
          default -> "email_key";
        };
    return query(
            "SELECT cio_id FROM people_person WHERE workspace_id = ? AND " + column + " = ?",
            ws.value(),
            idType.equals("email") ? value.toLowerCase(java.util.Locale.ROOT) : value)
        .stream()
        .findFirst();
  }

  @Override
  public List<String> relatedPeople(WorkspaceId ws, String cioObjectId) {
    return List.copyOf(related.getOrDefault(cioObjectId, java.util.Set.of()));
  }

  @Override
  public synchronized int updateObject(
      WorkspaceId ws, String cioId, String typeId, String objectId, JsonObject attributes) {
    if (attributes.containsKey("refuse")) {
      throw new StepFailure("attributes.refuse: refused by the test");
    }
    updates.add(cioId + " object " + typeId + "/" + objectId + " " + attributes);
    return 1;
  }

  @Override
  public synchronized void relationship(
      WorkspaceId ws,
      String cioId,
      String typeId,
      String objectId,
      boolean relate,
      JsonObject attributes) {
    updates.add(
        cioId
            + (relate ? " related " : " unrelated ")
            + typeId
            + "/"
            + objectId
            + (attributes == null ? "" : " " + attributes));
  }

  private List<String> query(String sql, Object... params) {
    List<String> found = new ArrayList<>();
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      try (java.sql.ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }
}
