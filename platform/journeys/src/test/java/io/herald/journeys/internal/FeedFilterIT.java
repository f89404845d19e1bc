package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.events.api.RecordedEvent;
import io.herald.journeys.api.Json;
import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonChangeFeed;
import io.herald.testing.CountingDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed readers' filter on a real MariaDB: it keeps exactly the events and person changes a
 * journey may act on, and deciding costs no commit (the reader opens no transaction for the rest).
 */
class FeedFilterIT {

  /**
   * After every other scenario's clock: the runs left waiting here never fall due in theirs (the
   * pollers run every workspace's due timers; a 2020 clock made them due in BroadcastScenariosIT).
   */
  private static final Instant T0 = Instant.parse("2090-05-04T10:00:00Z");

  /** Keeps a run active (waiting on its delay) without sending anything. */
  private static final String WAITS =
      "{'name':'Waits','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
          + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
          + "'next':'e'},"
          + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
          + "'body':'b'}}]}";

  private static final String ON_SIGN_UP =
      "{'name':'On sign-up','trigger':{'type':'event','event':'signed_up'},"
          + "'entry':{'rule':'every_time'},'nodes':["
          + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
          + "'next':'e'},"
          + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
          + "'body':'b'}}]}";

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  @Test
  void keepsOnlyEventsOfPeopleWithRunsOrThatStartAJourneyWithoutACommit() throws SQLException {
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Scenario s = new Scenario(T0, counting);
    s.person("idle", "{}");
    s.person("runner", "{}");
    s.enter(s.activeJourney(WAITS), "runner", Json.object("{}"));
    RecordedEvent idleClick = event(s, "idle", "clicked");
    RecordedEvent runnerClick = event(s, "runner", "clicked");
    counting.reset();

    assertThat(s.engine.feedFilter.events(List.of(idleClick, runnerClick)))
        .as("no event-triggered journey: only the person with a run")
        .containsExactly(runnerClick);
    assertThat(s.engine.feedFilter.events(List.of(idleClick))).isEmpty();
    assertThat(counting.commits()).as("deciding commits nothing").isZero();

    s.activeJourney(ON_SIGN_UP);
    RecordedEvent idleSignUp = event(s, "idle", "signed_up");
    counting.reset();
    assertThat(s.engine.feedFilter.events(List.of(idleClick, idleSignUp, runnerClick)))
        .as("in order: the event that starts a journey, and the person with a run")
        .containsExactly(idleSignUp, runnerClick);
    assertThat(counting.commits()).isZero();
  }

  @Test
  void aWorkspaceWithoutRunsLooksNobodyUp() throws SQLException {
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Scenario s = new Scenario(T0, counting);
    s.activeJourney(ON_SIGN_UP);
    RecordedEvent click = event(s, "someone", "clicked");
    RecordedEvent signUp = event(s, "someone", "signed_up");
    counting.refuse(sql -> sql.contains("cio_id IN"));
    try {
      assertThat(s.engine.feedFilter.events(List.of(click, signUp)))
          .as("no run in the workspace: only the event that starts a journey, no person looked up")
          .containsExactly(signUp);
      assertThat(s.engine.feedFilter.waitingPeople(List.of(change(s, "someone")))).isEmpty();
    } finally {
      counting.refuse(sql -> false);
    }

    s.enter(s.activeJourney(WAITS), "someone", Json.object("{}"));
    assertThat(s.engine.feedFilter.events(List.of(click, signUp)))
        .as("once a run exists, its person's events are kept")
        .containsExactly(click, signUp);
  }

  @Test
  void keepsOnlyChangesOfPeopleWaitingForACondition() {
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Scenario s = new Scenario(T0, counting);
    s.enter(s.activeJourney(WAITS), "delayed", Json.object("{}"));
    List<PersonChangeFeed.Entry> changes = List.of(change(s, "delayed"), change(s, "nobody"));
    counting.reset();

    assertThat(s.engine.feedFilter.waitingPeople(changes))
        .as("a run on a delay does not wait for a condition")
        .isEmpty();
    assertThat(counting.commits()).isZero();
  }

  @Test
  void keepsOnlyMembershipChangesOfPeopleWithRunsOrThatStartAJourneyWithoutACommit() {
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Scenario s = new Scenario(T0, counting);
    long segment = 910_000 + (s.ws % 1000);
    s.enter(s.activeJourney(WAITS), "runner", Json.object("{}"));
    Triggers.MembershipChange idleEnters = membership(s, segment, "idle", true);
    Triggers.MembershipChange idleLeaves = membership(s, segment, "idle", false);
    Triggers.MembershipChange runnerLeaves = membership(s, segment, "runner", false);
    Triggers.MembershipChange otherSegment = membership(s, segment + 1, "idle", true);
    List<Triggers.MembershipChange> batch =
        List.of(idleEnters, idleLeaves, runnerLeaves, otherSegment);
    counting.reset();

    assertThat(s.engine.feedFilter.membershipChanges(batch))
        .as("no segment-triggered journey: only the person with an active run")
        .containsExactly(runnerLeaves);
    assertThat(counting.commits()).as("deciding commits nothing").isZero();

    s.activeJourney(
        "{'name':'On entering','trigger':{'type':'segment','segment_id':"
            + segment
            + ",'on':'entered'},'nodes':["
            + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
            + "'next':'e'},"
            + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
            + "'body':'b'}}]}");
    counting.reset();
    assertThat(s.engine.feedFilter.membershipChanges(batch))
        .as(
            "in order: entering the trigger's segment, and the person with a run; not leaving it,"
                + " not another segment")
        .containsExactly(idleEnters, runnerLeaves);
    assertThat(counting.commits()).isZero();
  }

  private static Triggers.MembershipChange membership(
      Scenario s, long segment, String cioId, boolean entered) {
    return new Triggers.MembershipChange(0, s.ws, segment, cioId, entered, s.clock.instant());
  }

  private static RecordedEvent event(Scenario s, String cioId, String name) throws SQLException {
    return JourneyTestDatabase.event(s.ws, cioId, name, s.clock.instant(), Json.object("{}"));
  }

  private static PersonChangeFeed.Entry change(Scenario s, String cioId) {
    return new PersonChangeFeed.Entry(
        s.ws,
        new PersonChange(
            1,
            cioId,
            "attribute_change",
            s.clock.instant(),
            Json.object("{\"attributes\":{\"plan\":{\"to\":\"pro\"}}}")));
  }
}
