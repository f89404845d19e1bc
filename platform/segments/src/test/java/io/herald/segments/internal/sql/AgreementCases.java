package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.EngagementCondition.Metric;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random cases for the agreement test, over small value domains so that comparisons often hit: a
 * handful of attribute keys, values that are text, numbers, booleans, JSON null, objects, arrays
 * and Unix seconds near {@code now} or at local midnights (as numbers, fractions and digit
 * strings), time zones valid and not, events and engagements around window edges, relationships,
 * devices and memberships; the trees come from {@link AgreementConditions}.
 */
final class AgreementCases {

  /** Json's static methods look the provider up on every call: too slow for generating. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Segment ids the trees name; the first two exist in every world. */
  static final List<Long> SEGMENT_IDS = List.of(900_000_001L, 900_000_002L, 900_000_003L);

  /** Object types of the three objects of every world. */
  static final List<Integer> OBJECT_TYPES = List.of(1, 1, 2);

  /** The attribute keys of every JSON document (people, events, objects, relationships). */
  static final List<String> KEYS = List.of("a", "b", "timezone");

  /**
   * Text values; several are the texts of numbers, booleans (on either server's reading) or time
   * zones.
   */
  static final List<String> TEXTS =
      List.of(
          "pro",
          "Pro",
          "pro basic",
          "",
          "é",
          "a\"b",
          "42",
          "4.5",
          "true",
          // MariaDB's JSON_VALUE reads the booleans true and false as these:
          "1",
          "0",
          "Europe/Paris",
          "Asia/Kolkata",
          "Mars/Base",
          "+02:00");

  /** More values of the timezone attribute: known zones, and names that are not known zones. */
  private static final List<String> ZONE_NAMES =
      List.of(
          "Europe/Paris",
          "America/New_York",
          "Asia/Kolkata",
          "Australia/Lord_Howe",
          "Mars/Base",
          "+02:00",
          "europe/paris");

  /** Workspace zones, and valid zones of people. */
  static final List<String> ZONES =
      List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe");

  private static final List<Instant> NOWS =
      List.of(
          Instant.parse("2026-11-29T12:00:00Z"),
          Instant.parse("2026-11-29T04:30:00.250Z"),
          Instant.parse("2026-11-28T23:00:00Z"),
          Instant.parse("2026-03-29T01:30:00Z"),
          Instant.parse("2026-11-01T05:30:00.999Z"));

  /** Event and engagement times relative to now. */
  private static final List<Duration> OFFSETS =
      List.of(
          Duration.ofDays(-8),
          Duration.ofDays(-7),
          Duration.ofDays(-7).plusMillis(1),
          Duration.ofHours(-25),
          Duration.ofDays(-1),
          Duration.ofHours(-1),
          Duration.ofMinutes(-1),
          Duration.ofMillis(-1),
          Duration.ZERO,
          Duration.ofMillis(1),
          Duration.ofHours(1),
          Duration.ofDays(1));

  /** Unix-second offsets of date values from now. */
  static final List<Long> DATE_OFFSETS =
      List.of(-2 * 86400L, -86400L, -86399L, -43200L, -3600L, -1L, 0L, 1L, 3600L, 43200L, 86400L);

  /**
   * One try: an instant, a workspace zone, people and their data, and the trees to evaluate: one up
   * to depth 5, then two single leaves (so every leaf's own result is compared too, not only
   * through groups that may hide it), the second often a date comparison in the person's zone.
   */
  record Case(
      Instant now,
      ZoneId zone,
      List<JsonObject> objects,
      List<Person> people,
      List<Condition> trees) {}

  /**
   * A person and everything the conditions can read about them.
   *
   * @param segments indexes into {@link #SEGMENT_IDS} (0 and 1 only: segment 3 does not exist)
   * @param relationships object index (into the world's objects) to relationship attributes
   */
  record Person(
      String cioId,
      JsonObject attributes,
      List<Event> events,
      Map<Integer, JsonObject> relationships,
      List<Device> devices,
      Set<Integer> segments,
      List<Engagement> engagements) {}

  record Event(String name, Instant occurredAt, JsonObject data) {}

  record Device(String platform, JsonObject attributes) {}

  record Engagement(Metric metric, String messageId, String campaignId, Instant occurredAt) {}

  /**
   * What one try's values are drawn from: its instant, a few texts that values and operands share
   * (so text comparisons hit often), and instants near now and at the local midnights around now in
   * every zone the tests use (and the second before each), where the zone a comparison reads in
   * decides the answer.
   */
  record Domain(Instant now, List<String> texts, List<Long> dates) {
    static Domain of(Instant now, List<String> texts) {
      List<Long> dates = new ArrayList<>();
      for (long offset : DATE_OFFSETS) {
        dates.add(now.getEpochSecond() + offset);
      }
      for (String name : ZONES) {
        ZoneId zone = ZoneId.of(name);
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int k = -1; k <= 1; k++) {
          long midnight = today.plusDays(k).atStartOfDay(zone).toEpochSecond();
          dates.add(midnight);
          dates.add(midnight - 1);
        }
      }
      return new Domain(now, List.copyOf(texts), List.copyOf(dates));
    }
  }

  /**
   * Cases over five domains, one per instant in {@link #NOWS}, each with its own pool of texts. The
   * domains' arbitraries are built once (a per-try flatMap would rebuild and re-hash them every
   * try, which costs more than the try).
   */
  static Arbitrary<Case> cases() {
    List<Arbitrary<Case>> byDomain = new ArrayList<>();
    for (int i = 0; i < NOWS.size(); i++) {
      List<String> pool = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        pool.add(TEXTS.get((3 * i + k) % TEXTS.size()));
      }
      byDomain.add(new AgreementCases(Domain.of(NOWS.get(i), pool)).inDomain());
    }
    return Arbitraries.oneOf(byDomain);
  }

  private final Domain d;
  private final Arbitrary<JsonObject> document;
  private final AgreementConditions conditions;

  /** Builds the arbitraries of one domain once; people and trees reuse them. */
  private AgreementCases(Domain d) {
    this.d = d;
    this.document = document();
    this.conditions = new AgreementConditions(d);
  }

  private Arbitrary<Case> inDomain() {
    return Combinators.combine(
            Arbitraries.of(ZONES).map(ZoneId::of),
            document.list().ofSize(OBJECT_TYPES.size()),
            people(),
            conditions.tree(5),
            conditions.leaf(),
            Arbitraries.oneOf(conditions.leaf(), conditions.zonedDateLeaf()))
        .as(
            (zone, objects, people, tree, leaf, other) ->
                new Case(d.now(), zone, objects, people, List.of(tree, leaf, other)));
  }

  private Arbitrary<List<Person>> people() {
    Arbitrary<Event> event =
        Combinators.combine(Arbitraries.of("login", "purchase", "Login"), time(), document)
            .as(Event::new);
    Arbitrary<Device> device =
        Combinators.combine(
                Arbitraries.of("ios", "android"),
                Arbitraries.of(
                    "{}",
                    "{\"push_enabled\":true}",
                    "{\"push_enabled\":false}",
                    "{\"push_enabled\":\"false\"}",
                    "{\"push_enabled\":\"False\"}",
                    "{\"push_enabled\":0}",
                    "{\"push_enabled\":null}"))
            .as((platform, json) -> new Device(platform, parse(json)));
    Arbitrary<Engagement> engagement =
        Combinators.combine(
                Arbitraries.of(Metric.class),
                Arbitraries.of("m1", "m2").injectNull(0.3),
                Arbitraries.of("c1", "c2").injectNull(0.3),
                time())
            .as(Engagement::new);
    Arbitrary<Person> person =
        Combinators.combine(
                document,
                event.list().ofMaxSize(5),
                Arbitraries.maps(Arbitraries.integers().between(0, 2), document).ofMaxSize(3),
                device.list().ofMaxSize(2),
                Arbitraries.integers().between(0, 1).set().ofMaxSize(2),
                engagement.list().ofMaxSize(3))
            .as(
                (attributes, events, relationships, devices, segments, engagements) ->
                    new Person(
                        "", attributes, events, relationships, devices, segments, engagements));
    return person
        .list()
        .ofMinSize(2)
        .ofMaxSize(8)
        .map(
            people -> {
              List<Person> named = new ArrayList<>();
              for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                named.add(
                    new Person(
                        "p" + i,
                        p.attributes(),
                        p.events(),
                        p.relationships(),
                        p.devices(),
                        p.segments(),
                        p.engagements()));
              }
              return named;
            });
  }

  private Arbitrary<Instant> time() {
    return Arbitraries.of(OFFSETS).map(d.now()::plus);
  }

  /**
   * A JSON object over the key domain, each key present four times in five: {@code a} mostly text,
   * {@code b} mostly numbers and dates, {@code timezone} mostly zone names (valid or not).
   */
  private Arbitrary<JsonObject> document() {
    Arbitrary<JsonValue> a =
        Arbitraries.frequencyOf(
            Tuple.of(6, texts()),
            Tuple.of(1, numbers()),
            Tuple.of(1, others()),
            Tuple.of(1, dates()));
    Arbitrary<JsonValue> b =
        Arbitraries.frequencyOf(
            Tuple.of(1, texts()),
            Tuple.of(3, numbers()),
            Tuple.of(1, others()),
            Tuple.of(4, dates()));
    Arbitrary<JsonValue> timezone =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(ZONES).map(JSON::createValue)),
            Tuple.of(3, Arbitraries.of(ZONE_NAMES).map(JSON::createValue)),
            Tuple.of(1, others()),
            Tuple.of(1, Arbitraries.just(JSON.createValue(-5))));
    return Combinators.combine(a.injectNull(0.2), b.injectNull(0.2), timezone.injectNull(0.2))
        .as(
            (va, vb, vt) -> {
              JsonObjectBuilder builder = JSON.createObjectBuilder();
              if (va != null) {
                builder.add("a", va);
              }
              if (vb != null) {
                builder.add("b", vb);
              }
              if (vt != null) {
                builder.add("timezone", vt);
              }
              return builder.build();
            });
  }

  private Arbitrary<JsonValue> texts() {
    return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(d.texts())), Tuple.of(1, Arbitraries.of(TEXTS)))
        .map(JSON::createValue);
  }

  private static Arbitrary<JsonValue> numbers() {
    return Arbitraries.of("42", "4.5", "-3", "0", "100")
        .map(n -> (JsonValue) JSON.createValue(new BigDecimal(n)));
  }

  private static Arbitrary<JsonValue> others() {
    return Arbitraries.of(
        JsonValue.TRUE,
        JsonValue.FALSE,
        JsonValue.NULL,
        JSON.createObjectBuilder().add("x", 1).build(),
        JSON.createArrayBuilder().add(1).build());
  }

  /** Unix seconds of the domain's dates: a number, a digit string, or a number with a fraction. */
  private Arbitrary<JsonValue> dates() {
    return Combinators.combine(Arbitraries.of(d.dates()), Arbitraries.integers().between(0, 2))
        .as(
            (seconds, form) ->
                switch (form) {
                  case 0 -> (JsonValue) JSON.createValue(seconds);
                  case 1 -> JSON.createValue(Long.toString(seconds));
                  default ->
                      JSON.createValue(BigDecimal.valueOf(seconds).add(new BigDecimal("0.5")));
                });
  }

  private static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }
}
