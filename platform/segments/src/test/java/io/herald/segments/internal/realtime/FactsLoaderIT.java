package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.relate;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.segments.internal.evaluate.PersonFacts.RelationshipFact;
import io.herald.shared.json.Jsons;
import io.herald.testing.MigratedTestDatabase;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facts loader on a real MariaDB, for a batch whose people concern different segments: each
 * person's facts reach as far as their own segments' mentions, in one statement per kind of fact.
 */
class FactsLoaderIT {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  /** A page view within the last day. */
  private static final String VIEWED_TODAY =
      "{\"event\":{\"name\":\"page_viewed\",\"within\":{\"last\":1,\"unit\":\"days\"}}}";

  /** A purchase over 100 within 90 days by someone related to an object of type 1. */
  private static final String RELATED_BIG_BUYER =
      "{\"and\":[{\"relationship\":{\"object_type_id\":\"1\"}},{\"event\":{\"name\":\"purchase\","
          + "\"within\":{\"last\":90,\"unit\":\"days\"},\"where\":[{\"property\":\"price\","
          + "\"operator\":\"greater_than\",\"value\":100}]}},{\"event\":{\"name\":\"login\","
          + "\"within\":{\"last\":30,\"unit\":\"days\"}}}]}";

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();

  @Test
  void eachPersonIsReadAsFarAsTheirOwnSegmentsReach() throws SQLException {
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                "INSERT INTO objects_type (workspace_id, type_id, name, created_at) VALUES ("
                    + ws
                    + ", 1, 'accounts', NOW(3))");
          }
          return null;
        });
    for (String cio : new String[] {"viewer", "buyer", "visitor-owner"}) {
      person(ws, cio, "{}");
      event(ws, cio, "page_viewed", NOW.minus(Duration.ofHours(2)));
      event(ws, cio, "page_viewed", NOW.minus(Duration.ofDays(20)));
      event(ws, cio, "purchase", NOW.minus(Duration.ofDays(60)), "{\"price\":150}");
      event(ws, cio, "login", NOW.minus(Duration.ofDays(10)));
      event(ws, cio, "login", NOW.minus(Duration.ofDays(40)));
      relate(ws, cio);
    }
    // An anonymous visitor's page view, linked to visitor-owner but not attached yet.
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                "INSERT INTO people_anonymous_id (workspace_id, anonymous_id, person_cio_id,"
                    + " linked_at) VALUES ("
                    + ws
                    + ", 'visitor-7', 'visitor-owner', NOW(3))");
            s.executeUpdate(
                "INSERT INTO events_event (workspace_id, anonymous_id, name, type, source,"
                    + " occurred_at, received_at, data) VALUES ("
                    + ws
                    + ", 'visitor-7', 'page_viewed', 'event', 'test', '2026-11-29 09:30:00.000',"
                    + " '2026-11-29 09:30:00.000', '{}')");
          }
          return null;
        });
    Mentions viewed = mentions(VIEWED_TODAY);
    Mentions buyer = mentions(RELATED_BIG_BUYER);

    Map<String, PersonFacts> facts =
        Jdbc.autoCommit(
            dataSource(),
            c ->
                FactsLoader.load(
                    c,
                    ws,
                    Map.of(
                        "viewer", viewed, "buyer", buyer, "visitor-owner", viewed, "nobody", buyer),
                    NOW));

    assertThat(facts).containsOnlyKeys("viewer", "buyer", "visitor-owner");
    assertThat(facts.get("viewer").events())
        .as("page views of the last day only: not the purchase another person's segment reads")
        .extracting(EventFact::name, EventFact::occurredAt)
        .containsExactly(tuple("page_viewed", NOW.minusSeconds(7200)));
    assertThat(facts.get("viewer").relationships()).isEmpty();
    assertThat(facts.get("visitor-owner").events())
        .extracting(EventFact::occurredAt)
        .containsExactlyInAnyOrder(NOW.minusSeconds(7200), NOW.minusSeconds(1800));

    PersonFacts big = facts.get("buyer");
    assertThat(big.events())
        .as("the purchase with its data, the login of 30 days; no page view")
        .extracting(EventFact::name, EventFact::occurredAt)
        .containsExactlyInAnyOrder(
            tuple("purchase", NOW.minus(Duration.ofDays(60))),
            tuple("login", NOW.minus(Duration.ofDays(10))));
    assertThat(big.events())
        .filteredOn(e -> e.name().equals("purchase"))
        .singleElement()
        .satisfies(e -> assertThat(e.data().getJsonNumber("price").intValue()).isEqualTo(150));
    assertThat(big.relationships()).extracting(RelationshipFact::objectTypeId).containsExactly("1");
  }

  private static Mentions mentions(String condition) {
    return Mentions.of(
        ConditionJson.parse(
                Jsons.createReader(
                        new StringReader("{\"version\":1,\"condition\":" + condition + "}"))
                    .readObject())
            .root());
  }
}
