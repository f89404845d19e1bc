package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonChangeFeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wait until a condition on the person's attributes goes on when an attribute change makes it
 * true (people's change feed), not only on the person's next event or segment change; a change that
 * leaves it false keeps the run waiting until its timeout.
 */
class ConditionWaitScenariosIT {

  private static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  private static final String UPGRADE =
      "{'name':'Upgrade','trigger':{'type':'api'},'nodes':["
          + "{'id':'w','type':'wait_until','settings':{'condition':{'version':1,'condition':"
          + "{'attribute':{'name':'plan','operator':'equals','value':'pro'}}},"
          + "'timeout':{'value':3,'unit':'days'}},'next':{'met':'thanks','timeout':'nudge'}},"
          + "{'id':'thanks','type':'send_email','settings':{'from':'a@x.test','subject':'Welcome"
          + " to pro','body':'b'}},"
          + "{'id':'nudge','type':'send_email','settings':{'from':'a@x.test','subject':'Still"
          + " free?','body':'b'}}]}";

  @Test
  void anAttributeChangeThatMakesTheConditionTrueEndsTheWait() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(UPGRADE);
    s.person("up", "{\"plan\":\"free\"}");
    s.person("stays", "{\"plan\":\"free\"}");
    s.enter(journey, "up", Json.object("{}"));
    s.enter(journey, "stays", Json.object("{}"));
    s.advance(Duration.ofHours(1));
    assertThat(s.runOf(journey, "up").steps())
        .extracting(RunView.Step::outcome)
        .contains("waiting");

    // Two hours in, an identify sets plan: one person to pro, the other to team.
    s.advance(Duration.ofHours(1));
    attributes(s, "up", "{\"plan\":\"pro\"}");
    attributes(s, "stays", "{\"plan\":\"team\"}");
    List<PersonChangeFeed.Entry> changes = List.of(change(s, "up"), change(s, "stays"));
    assertThat(s.engine.feedFilter.waitingPeople(changes))
        .as("both wait for a condition: the feed reader hands both to the triggers")
        .isEqualTo(changes);
    s.engine.triggers.onPersonChanges(s.engine.feedFilter.waitingPeople(changes));
    s.engine.poller.drain();

    assertThat(s.effects.sentTo("up"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Welcome to pro", T0.plusSeconds(7200)));
    assertThat(s.runOf(journey, "up").steps())
        .extracting(st -> st.node() + " " + st.outcome())
        .containsSubsequence("w waiting", "w met", "thanks sent");
    assertThat(s.effects.sentTo("stays")).isEmpty();

    // The same change delivered again (the feed is at least once) changes nothing.
    s.engine.triggers.onPersonChanges(List.of(change(s, "up")));
    s.engine.poller.drain();
    assertThat(s.effects.sentTo("up")).hasSize(1);
    assertThat(s.engine.feedFilter.waitingPeople(List.of(change(s, "up"))))
        .as("no longer waiting: the feed reader leaves the change out")
        .isEmpty();

    s.advance(Duration.ofDays(3));
    assertThat(s.effects.sentTo("stays"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Still free?");
  }

  private static PersonChangeFeed.Entry change(Scenario s, String cioId) {
    return new PersonChangeFeed.Entry(
        s.ws,
        new PersonChange(
            0,
            cioId,
            "attribute_change",
            s.clock.instant(),
            Json.object("{'attributes':{'plan':{'to':'x'}}}")));
  }

  private static void attributes(Scenario s, String cioId, String json) throws SQLException {
    try (Connection c = JourneyTestDatabase.dataSource().getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE people_person SET attributes = ? WHERE workspace_id = ? AND cio_id = ?")) {
      update.setString(1, json);
      update.setLong(2, s.ws);
      update.setString(3, cioId);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
