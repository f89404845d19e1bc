package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on a real database, driven by a virtual clock: the onboarding sequence, exits, waits
 * with timeouts, time windows across a DST change, pause, resume and archive.
 */
class JourneyScenariosIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  private static String email(String id, String subject, String next) {
    return "{'id':'"
        + id
        + "','type':'send_email','settings':{'from':'a@x.test','subject':'"
        + subject
        + "','body':'b'}"
        + (next == null ? "" : ",'next':'" + next + "'")
        + "}";
  }

  private static String delay(String id, int days, String next) {
    return "{'id':'"
        + id
        + "','type':'delay','settings':{'duration':{'value':"
        + days
        + ",'unit':'days'}},'next':'"
        + next
        + "'}";
  }

  static final String ONBOARDING =
      "{'name':'Onboarding','trigger':{'type':'event','event':'signed_up'},"
          + "'entry':{'rule':'once'},'nodes':["
          + email("e1", "Welcome", "w1")
          + ","
          + delay("w1", 1, "e2")
          + ","
          + email("e2", "Getting started", "w2")
          + ","
          + delay("w2", 2, "e3")
          + ","
          + email("e3", "Tips", "w3")
          + ","
          + delay("w3", 2, "activated")
          + ",{'id':'activated','type':'branch','settings':{'condition':{'version':1,"
          + "'condition':{'event':{'name':'activated'}}}},'next':{'true':'great','false':'nudge'}},"
          + email("great", "Great job", "w4")
          + ","
          + email("nudge", "Need a hand?", "w4")
          + ","
          + delay("w4", 2, "e5")
          + ","
          + email("e5", "What next", null)
          + "],'goal':{'event':'activated','within':{'value':14,'unit':'days'}}}";

  @Test
  void onboardingSendsFiveEmailsBranchesOnActivationAndCountsConversions() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(ONBOARDING);
    for (String p : List.of("ada", "bob", "cy")) {
      s.person(p, "{}");
    }

    s.event("ada", "signed_up", "{}");
    s.event("bob", "signed_up", "{}");
    s.advance(Duration.ofHours(2));
    s.event("cy", "signed_up", "{}");
    s.advance(Duration.ofDays(4).minusHours(2)); // T0 + 4 d
    s.event("ada", "activated", "{}"); // day 4: before the branch, inside the goal window
    s.advanceTo(T0.plus(Duration.ofDays(16)));
    s.event("cy", "activated", "{}"); // day 16: after the branch and the 14-day window
    s.advanceTo(T0.plus(Duration.ofDays(20)));

    assertThat(s.effects.sentTo("ada"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Welcome", T0),
            org.assertj.core.groups.Tuple.tuple("Getting started", T0.plus(DAY)),
            org.assertj.core.groups.Tuple.tuple("Tips", T0.plus(DAY.multipliedBy(3))),
            org.assertj.core.groups.Tuple.tuple("Great job", T0.plus(DAY.multipliedBy(5))),
            org.assertj.core.groups.Tuple.tuple("What next", T0.plus(DAY.multipliedBy(7))));
    assertThat(s.effects.sentTo("bob"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Welcome", "Getting started", "Tips", "Need a hand?", "What next");
    Instant cy = T0.plus(Duration.ofHours(2));
    assertThat(s.effects.sentTo("cy"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Welcome", cy),
            org.assertj.core.groups.Tuple.tuple("Getting started", cy.plus(DAY)),
            org.assertj.core.groups.Tuple.tuple("Tips", cy.plus(DAY.multipliedBy(3))),
            org.assertj.core.groups.Tuple.tuple("Need a hand?", cy.plus(DAY.multipliedBy(5))),
            org.assertj.core.groups.Tuple.tuple("What next", cy.plus(DAY.multipliedBy(7))));

    List<RunView> runs = s.runs(journey);
    assertThat(runs).hasSize(3).allMatch(r -> r.state().equals("completed"));
    assertThat(runs.stream().filter(r -> r.convertedAt() != null))
        .extracting(RunView::cioId)
        .containsExactly("ada");
    assertThat(s.runOf(journey, "ada").convertedAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
    assertThat(s.runOf(journey, "bob").steps())
        .extracting(RunView.Step::node, RunView.Step::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple("activated", "false"),
            org.assertj.core.groups.Tuple.tuple("nudge", "sent"));

    // Entry rule "once": signing up again starts nothing.
    s.event("ada", "signed_up", "{}");
    assertThat(s.runs(journey)).hasSize(3);
  }

  @Test
  void eventsOlderThanTheTriggerWindowDoNotStartRuns() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(ONBOARDING);
    s.person("old", "{}");
    s.clock.set(T0.plus(Duration.ofDays(5)));
    s.engine.triggers.onEvents(
        List.of(
            JourneyTestDatabase.event(
                s.ws, "old", "signed_up", T0.plus(Duration.ofDays(1)), Json.object("{}"))));
    s.engine.poller.drain();
    assertThat(s.runs(journey)).isEmpty();
  }

  @Test
  void leavingTheExitSegmentEndsTheRun() throws Exception {
    Scenario s = new Scenario(T0);
    long segment = 900_000 + (s.ws % 1000);
    long journey =
        s.activeJourney(
            "{'name':'Trial','trigger':{'type':'segment','segment_id':"
                + segment
                + ",'on':'entered'},'exit':{'segment_exited':"
                + segment
                + "},'nodes':["
                + delay("d", 2, "e")
                + ","
                + email("e", "Trial ending", null)
                + "]}");
    s.person("stay", "{}");
    s.person("leave", "{}");
    s.clock.advance(Duration.ofMinutes(1));
    JourneyTestDatabase.membershipChange(s.ws, segment, "stay", true, s.clock.instant());
    JourneyTestDatabase.membershipChange(s.ws, segment, "leave", true, s.clock.instant());
    while (s.engine.segmentFeed.step(100) > 0) {
      // read the journal
    }
    s.advance(DAY);
    JourneyTestDatabase.membershipChange(s.ws, segment, "leave", false, s.clock.instant());
    while (s.engine.segmentFeed.step(100) > 0) {
      // read the journal
    }
    s.advance(Duration.ofDays(3));

    assertThat(s.effects.sentTo("stay"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Trial ending");
    assertThat(s.effects.sentTo("leave")).isEmpty();
    RunView left = s.runOf(journey, "leave");
    assertThat(left.state()).isEqualTo("exited");
    assertThat(left.exitReason()).isEqualTo("segment");
    assertThat(left.endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)).plus(DAY));
  }

  @Test
  void waitUntilTakesTheMetPathWhenTheEventArrivesAndTheTimeoutPathOtherwise() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Cart','trigger':{'type':'api'},'nodes':["
                + "{'id':'w','type':'wait_until','settings':{'event':{'name':'purchased',"
                + "'where':[{'property':'total','operator':'greater_than','value':10}]},"
                + "'timeout':{'value':2,'unit':'days'}},'next':{'met':'thanks','timeout':'remind'}},"
                + email("thanks", "Thanks", null)
                + ","
                + email("remind", "Still thinking?", null)
                + "]}");
    s.person("buyer", "{}");
    s.person("browser", "{}");
    s.enter(journey, "buyer", Json.object("{}"));
    s.enter(journey, "browser", Json.object("{}"));
    s.advance(Duration.ofHours(20));
    s.event("buyer", "purchased", "{'total':5}"); // filtered out: still waiting
    s.advance(Duration.ofHours(4));
    s.event("buyer", "purchased", "{'total':25}");
    s.advance(Duration.ofDays(3));

    assertThat(s.effects.sentTo("buyer"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Thanks", T0.plus(DAY)));
    assertThat(s.effects.sentTo("browser"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Still thinking?", T0.plus(DAY.multipliedBy(2))));
    assertThat(s.runOf(journey, "buyer").steps())
        .extracting(RunView.Step::outcome)
        .containsSubsequence("entered", "waiting", "met", "sent", "completed");
  }

  @Test
  void aTimeWindowWaitsForMondayMorningInThePersonsZoneAcrossTheSpringChange() throws Exception {
    // Saturday 28 March 2026, 20:00 in Berlin (CET); clocks go forward on Sunday 29 March.
    Instant saturday = Instant.parse("2026-03-28T19:00:00Z");
    Scenario s = new Scenario(saturday);
    long journey =
        s.activeJourney(
            "{'name':'Office hours','trigger':{'type':'api'},'nodes':["
                + "{'id':'tw','type':'time_window','settings':{'days':['monday','tuesday',"
                + "'wednesday','thursday','friday'],'from':'09:00','to':'17:00'},'next':'e'},"
                + email("e", "Hello", null)
                + "]}");
    s.person("berlin", "{}");
    s.person("utc", "{}");
    s.effects.zone("berlin", ZoneId.of("Europe/Berlin"));
    s.enter(journey, "berlin", Json.object("{}"));
    s.enter(journey, "utc", Json.object("{}"));
    s.advance(Duration.ofDays(3));

    // 09:00 CEST on Monday 30 March is 07:00 UTC (it would be 08:00 UTC without the change).
    assertThat(s.effects.sentTo("berlin"))
        .extracting(RecordingEffects.Sent::at)
        .containsExactly(Instant.parse("2026-03-30T07:00:00Z"));
    assertThat(s.effects.sentTo("utc"))
        .extracting(RecordingEffects.Sent::at)
        .containsExactly(Instant.parse("2026-03-30T09:00:00Z"));
  }

  @Test
  void randomSplitAssignsEachPersonTheBranchOfTheHash() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'AB','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
                + "{'id':'ab','type':'random_split','settings':{'branches':[{'label':'a',"
                + "'percent':25},{'label':'b','percent':75}]},'next':{'a':'ea','b':'eb'}},"
                + email("ea", "A", null)
                + ","
                + email("eb", "B", null)
                + "]}");
    int people = 400;
    int a = 0;
    for (int i = 0; i < people; i++) {
      s.enter(journey, "p" + i, Json.object("{}"));
      if (Splits.pick(journey, "ab", "p" + i, List.of(25, 75)) == 0) {
        a++;
      }
    }
    s.advance(Duration.ofMinutes(1));
    long sentA = s.effects.sent().stream().filter(x -> x.subject().equals("A")).count();
    assertThat(sentA).isEqualTo(a);
    assertThat(s.effects.sent()).hasSize(people);
    // 25 % of 400 = 100, standard deviation about 8.7.
    assertThat(sentA).isBetween(70L, 130L);
    for (int i = 0; i < 20; i++) {
      String expected = Splits.pick(journey, "ab", "p" + i, List.of(25, 75)) == 0 ? "A" : "B";
      assertThat(s.effects.sentTo("p" + i))
          .extracting(RecordingEffects.Sent::subject)
          .containsExactly(expected);
    }
  }

  @Test
  void pauseHoldsRunsResumeContinuesThemAndArchiveExitsThem() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'P','trigger':{'type':'api'},'nodes':["
                + delay("d", 1, "e")
                + ","
                + email("e", "Later", null)
                + "]}");
    s.enter(journey, "held", Json.object("{}"));
    s.advance(Duration.ofHours(1));
    s.engine.lifecycle.change(s.ws, journey, JourneyState.PAUSED);
    s.advance(Duration.ofDays(2));
    assertThat(s.effects.sent()).isEmpty();

    s.engine.lifecycle.change(s.ws, journey, JourneyState.ACTIVE);
    s.advance(Duration.ofMinutes(1));
    assertThat(s.effects.sentTo("held"))
        .extracting(RecordingEffects.Sent::at)
        .containsExactly(T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(2)));

    s.enter(journey, "archived", Json.object("{}"));
    s.advance(Duration.ofMinutes(1));
    s.engine.lifecycle.change(s.ws, journey, JourneyState.ARCHIVED);
    s.advance(Duration.ofDays(2));
    assertThat(s.effects.sentTo("archived")).isEmpty();
    assertThat(s.runOf(journey, "archived").exitReason()).isEqualTo("archived");
  }

  @Test
  void onceAtATimeLetsAPersonBackInOnlyAfterTheirRunEndedAndFiltersApply() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Again','trigger':{'type':'api'},'entry':{'rule':'once_at_a_time',"
                + "'filter':{'version':1,'condition':{'attribute':{'name':'plan',"
                + "'operator':'equals','value':'pro'}}}},'nodes':["
                + delay("d", 1, "e")
                + ","
                + email("e", "Hi", null)
                + "]}");
    s.person("pro", "{\"plan\":\"pro\"}");
    s.person("free", "{\"plan\":\"free\"}");
    assertThat(s.enter(journey, "pro", Json.object("{}"))).isPositive();
    assertThat(s.enter(journey, "pro", Json.object("{}"))).isZero();
    assertThat(s.enter(journey, "free", Json.object("{}"))).isZero();
    s.advance(Duration.ofDays(2));
    assertThat(s.enter(journey, "pro", Json.object("{}"))).isPositive();
  }

  @Test
  void aBranchOnAnEarlierMessageReadsItsEngagement() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Opened?','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
                + email("first", "First", "d")
                + ","
                + delay("d", 1, "b")
                + ",{'id':'b','type':'branch','settings':{'message':{'node':'first',"
                + "'metric':'opened'}},'next':{'true':'yes','false':'no'}},"
                + email("yes", "Opened", null)
                + ","
                + email("no", "Not opened", null)
                + "]}");
    s.enter(journey, "reader", Json.object("{}"));
    s.enter(journey, "ignorer", Json.object("{}"));
    s.advance(Duration.ofHours(1));
    s.effects.metric(s.effects.sentTo("reader").get(0).deliveryId(), "opened");
    s.advance(Duration.ofDays(2));
    assertThat(s.effects.sentTo("reader"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("First", "Opened");
    assertThat(s.effects.sentTo("ignorer"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("First", "Not opened");
  }

  @Test
  void aStepRetriedAfterACrashSendsOnceAndGoesOn() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Retry','trigger':{'type':'api'},'nodes':["
                + email("e", "Once", "d")
                + ","
                + delay("d", 1, "e2")
                + ","
                + email("e2", "Twice", null)
                + "]}");
    s.effects.failAfterSend(1);
    s.enter(journey, "crash", Json.object("{}"));
    s.engine.poller.drain();
    // The step's transaction rolled back: the run still waits at the send, its timer leased.
    assertThat(s.runOf(journey, "crash").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered");
    s.advance(Duration.ofSeconds(61)); // the lease ends at 60 s: a poller runs the step again
    s.advance(Duration.ofDays(2));

    assertThat(s.effects.sentTo("crash"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Once", T0),
            org.assertj.core.groups.Tuple.tuple("Twice", T0.plusSeconds(60).plus(DAY)));
    assertThat(s.runOf(journey, "crash").steps())
        .filteredOn(st -> st.outcome().equals("sent"))
        .extracting(RunView.Step::node, RunView.Step::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e", s.effects.sentTo("crash").get(0).deliveryId()),
            org.assertj.core.groups.Tuple.tuple(
                "e2", s.effects.sentTo("crash").get(1).deliveryId()));
  }

  @Test
  void theFrequencyLimitCapsEntriesPerWindow() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Capped','trigger':{'type':'event','event':'viewed'},'entry':{'rule':"
                + "'every_time','frequency':{'max':2,'within':{'value':1,'unit':'days'}}},"
                + "'nodes':["
                + email("e", "Seen", null)
                + "]}");
    s.person("fan", "{}");
    for (int i = 0; i < 4; i++) {
      s.event("fan", "viewed", "{}");
      s.advance(Duration.ofHours(1));
    }
    assertThat(s.effects.sentTo("fan")).hasSize(2);
    s.advance(DAY);
    s.event("fan", "viewed", "{}");
    assertThat(s.effects.sentTo("fan")).hasSize(3);
    assertThat(s.runs(journey)).hasSize(3);
  }

  @Test
  void aGoalAfterANodeCountsOnlyFromThatNodeAndCanEndTheRun() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Goal','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
                + delay("d", 1, "offer")
                + ","
                + email("offer", "Offer", "d2")
                + ","
                + delay("d2", 3, "last")
                + ","
                + email("last", "Last chance", null)
                + "],'goal':{'event':'bought','where':[{'property':'sku','operator':'exists'}],"
                + "'within':{'value':2,'unit':'days'},'after':'offer'},"
                + "'exit':{'on_goal':true}}");
    s.person("early", "{}");
    s.person("buyer", "{}");
    s.enter(journey, "early", Json.object("{}"));
    s.enter(journey, "buyer", Json.object("{}"));
    s.advance(Duration.ofHours(12));
    s.event("early", "bought", "{'sku':'a'}"); // before the offer: does not count
    s.advance(DAY);
    s.event("buyer", "bought", "{}"); // no sku: filtered out
    s.event("buyer", "bought", "{'sku':'b'}");
    s.advance(Duration.ofDays(5));

    assertThat(s.runOf(journey, "early").convertedAt()).isNull();
    assertThat(s.effects.sentTo("early"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Offer", "Last chance");
    RunView buyer = s.runOf(journey, "buyer");
    assertThat(buyer.convertedAt()).isEqualTo(T0.plus(Duration.ofHours(36)));
    assertThat(buyer.exitReason()).isEqualTo("goal");
    assertThat(s.effects.sentTo("buyer"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Offer");
  }

  @Test
  void runsStayOnTheirVersionWhenAnActiveJourneyIsEdited() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'V','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
                + delay("d", 1, "e")
                + ","
                + email("e", "Version 1", null)
                + "]}");
    s.enter(journey, "early", Json.object("{}"));
    s.advance(Duration.ofHours(1));
    String v2 =
        "{'name':'V','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
            + delay("d", 2, "e")
            + ","
            + email("e", "Version 2", null)
            + "]}";
    io.herald.shared.persistence.Transactions.inTransaction(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> {
          s.engine.journeys.replace(
              c,
              s.journey(journey),
              io.herald.journeys.api.JourneyJson.parse(Json.value(v2)),
              s.clock.instant());
          return null;
        });
    assertThat(s.journey(journey).version()).isEqualTo(2);
    s.enter(journey, "late", Json.object("{}"));
    s.advance(Duration.ofDays(3));

    assertThat(s.effects.sentTo("early"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Version 1", T0.plus(DAY)));
    assertThat(s.effects.sentTo("late"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Version 2", T0.plus(Duration.ofHours(1)).plus(DAY.multipliedBy(2))));
    assertThat(s.runOf(journey, "early").version()).isEqualTo(1);
    assertThat(s.runOf(journey, "late").version()).isEqualTo(2);
  }
}
