package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunMove;
import io.herald.journeys.api.RunView;
import io.herald.journeys.api.Simulation;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draft testing on the real database with a virtual clock: simulations (the onboarding journey's
 * two branches at their exact virtual times, hypothetical events meeting a wait and converting the
 * goal, nothing written or sent), test sends (one unkeyed delivery each, no run) and moving runs to
 * a new version (timers kept; a removed node exits the run).
 */
class DraftTestingIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @BeforeAll
  static void database() {
    assumeThat(JourneyTestDatabase.unavailable()).isEmpty();
  }

  private static Simulation simulate(
      Scenario s, long journey, String cioId, List<Simulation.Event> events, Duration horizon) {
    return s.engine.testing.simulate(
        s.ws, journey, null, cioId, JsonValue.EMPTY_JSON_OBJECT, events, horizon);
  }

  @Test
  void simulatingOnboardingGivesEachBranchAtItsVirtualTimeAndWritesNothing() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(JourneyScenariosIT.ONBOARDING);
    s.person("ada", "{}");
    s.person("bob", "{}");
    JourneyTestDatabase.event(s.ws, "ada", "activated", T0.minus(DAY), Json.object("{}"));
    long rows = s.journeyRows();

    Simulation ada = simulate(s, journey, "ada", List.of(), Duration.ofDays(90));
    Simulation bob = simulate(s, journey, "bob", List.of(), Duration.ofDays(90));

    assertThat(ada.steps())
        .extracting(
            Simulation.Step::node,
            Simulation.Step::at,
            Simulation.Step::outcome,
            Simulation.Step::edge,
            Simulation.Step::next)
        .containsExactly(
            tuple("e1", T0, "entered", null, null),
            tuple("e1", T0, "sent", "next", "w1"),
            tuple("w1", T0, "waiting", null, null),
            tuple("w1", T0.plus(DAY), "resumed", "next", "e2"),
            tuple("e2", T0.plus(DAY), "sent", "next", "w2"),
            tuple("w2", T0.plus(DAY), "waiting", null, null),
            tuple("w2", T0.plus(DAY.multipliedBy(3)), "resumed", "next", "e3"),
            tuple("e3", T0.plus(DAY.multipliedBy(3)), "sent", "next", "w3"),
            tuple("w3", T0.plus(DAY.multipliedBy(3)), "waiting", null, null),
            tuple("w3", T0.plus(DAY.multipliedBy(5)), "resumed", "next", "activated"),
            tuple("activated", T0.plus(DAY.multipliedBy(5)), "true", "true", "great"),
            tuple("great", T0.plus(DAY.multipliedBy(5)), "sent", "next", "w4"),
            tuple("w4", T0.plus(DAY.multipliedBy(5)), "waiting", null, null),
            tuple("w4", T0.plus(DAY.multipliedBy(7)), "resumed", "next", "e5"),
            tuple("e5", T0.plus(DAY.multipliedBy(7)), "sent", null, null),
            tuple("e5", T0.plus(DAY.multipliedBy(7)), "completed", null, null));
    assertThat(ada.steps().get(1).detail()).isEqualTo("would send email \"Welcome\"");
    assertThat(ada.steps().get(1).type()).isEqualTo("send_email");
    assertThat(ada.end()).isEqualTo("completed");
    assertThat(ada.endedAt()).isEqualTo(T0.plus(DAY.multipliedBy(7)));
    assertThat(ada.version()).isEqualTo(1);

    assertThat(bob.steps())
        .filteredOn(st -> st.outcome().equals("sent") || st.node().equals("activated"))
        .extracting(Simulation.Step::node, Simulation.Step::at, Simulation.Step::detail)
        .containsExactly(
            tuple("e1", T0, "would send email \"Welcome\""),
            tuple("e2", T0.plus(DAY), "would send email \"Getting started\""),
            tuple("e3", T0.plus(DAY.multipliedBy(3)), "would send email \"Tips\""),
            tuple("activated", T0.plus(DAY.multipliedBy(5)), null),
            tuple("nudge", T0.plus(DAY.multipliedBy(5)), "would send email \"Need a hand?\""),
            tuple("e5", T0.plus(DAY.multipliedBy(7)), "would send email \"What next\""));
    assertThat(bob.steps())
        .extracting(Simulation.Step::node, Simulation.Step::edge)
        .contains(tuple("activated", "false"));

    assertThat(s.journeyRows()).isEqualTo(rows);
    assertThat(s.runs(journey)).isEmpty();
    assertThat(s.effects.sent()).isEmpty();
    assertThat(s.effects.updates()).isEmpty();
    assertThat(s.clock.instant()).isEqualTo(T0);
  }

  @Test
  void hypotheticalEventsMeetWaitsConvertTheGoalAndTheHorizonStopsAWaitingRun() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.draftJourney(
            "{'name':'Cart','trigger':{'type':'api'},'nodes':["
                + "{'id':'w','type':'wait_until','settings':{'event':{'name':'purchased',"
                + "'where':[{'property':'total','operator':'greater_than','value':10}]},"
                + "'timeout':{'value':2,'unit':'days'}},'next':{'met':'thanks','timeout':'d'}},"
                + "{'id':'thanks','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Thanks','body':'b'}},"
                + "{'id':'d','type':'delay','settings':{'duration':{'value':30,'unit':'days'}},"
                + "'next':'u'},"
                + "{'id':'u','type':'update_attribute','settings':{'attributes':{'lost':true}}}],"
                + "'goal':{'event':'purchased','within':{'value':7,'unit':'days'}},"
                + "'exit':{'on_goal':false}}");
    s.person("p", "{}");
    long rows = s.journeyRows();

    Simulation buys =
        simulate(
            s,
            journey,
            "p",
            List.of(
                new Simulation.Event("purchased", Json.object("{'total':5}"), Duration.ofHours(3)),
                new Simulation.Event(
                    "purchased", Json.object("{'total':25}"), Duration.ofHours(20))),
            Duration.ofDays(90));
    assertThat(buys.steps())
        .extracting(Simulation.Step::node, Simulation.Step::at, Simulation.Step::outcome)
        .containsExactly(
            tuple("w", T0, "entered"),
            tuple("w", T0, "waiting"),
            tuple("w", T0.plusSeconds(3 * 3600), "converted"),
            tuple("w", T0.plusSeconds(20 * 3600), "met"),
            tuple("thanks", T0.plusSeconds(20 * 3600), "sent"),
            tuple("thanks", T0.plusSeconds(20 * 3600), "completed"));
    assertThat(buys.steps().get(3).edge()).isEqualTo("met");

    Simulation browses = simulate(s, journey, "p", List.of(), Duration.ofDays(10));
    assertThat(browses.steps())
        .extracting(Simulation.Step::node, Simulation.Step::at, Simulation.Step::outcome)
        .containsExactly(
            tuple("w", T0, "entered"),
            tuple("w", T0, "waiting"),
            tuple("w", T0.plus(DAY.multipliedBy(2)), "timeout"),
            tuple("d", T0.plus(DAY.multipliedBy(2)), "waiting"));
    assertThat(browses.end()).isEqualTo("horizon");
    assertThat(browses.endedAt()).isEqualTo(T0.plus(DAY.multipliedBy(10)));

    Simulation lost = simulate(s, journey, "p", List.of(), Duration.ofDays(90));
    assertThat(lost.steps())
        .extracting(Simulation.Step::node, Simulation.Step::outcome, Simulation.Step::detail)
        .contains(tuple("u", "updated", "would set {\"lost\":true}"));
    assertThat(lost.end()).isEqualTo("completed");
    assertThat(lost.endedAt()).isEqualTo(T0.plus(DAY.multipliedBy(32)));

    assertThat(s.journeyRows()).isEqualTo(rows);
    assertThat(s.effects.updates()).isEmpty();
  }

  @Test
  void aLoopThroughAShortDelayStopsAtTheStepLimit() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.draftJourney(
            "{'name':'Loop','trigger':{'type':'api'},'nodes':["
                + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'minutes'}},"
                + "'next':'u'},"
                + "{'id':'u','type':'update_attribute','settings':{'attributes':{'n':1}},"
                + "'next':'d'}]}");
    s.person("p", "{}");

    Simulation loop = simulate(s, journey, "p", List.of(), Duration.ofDays(90));

    assertThat(loop.end()).isEqualTo("step_limit");
    assertThat(loop.steps()).hasSizeBetween(Simulation.MAX_STEPS + 1, Simulation.MAX_STEPS + 3);
    assertThat(loop.endedAt()).isEqualTo(loop.steps().get(loop.steps().size() - 1).at());
    assertThat(loop.endedAt()).isBetween(T0.plusSeconds(300 * 60), T0.plusSeconds(400 * 60));
    assertThat(s.effects.updates()).isEmpty();
  }

  @Test
  void aSimulationOfAnOlderVersionFollowsThatVersion() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(oneEmail("First"));
    s.update(journey, oneEmail("Second"));
    s.person("p", "{}");

    Simulation v1 =
        s.engine.testing.simulate(
            s.ws, journey, 1, "p", JsonValue.EMPTY_JSON_OBJECT, List.of(), Duration.ofDays(1));
    Simulation current = simulate(s, journey, "p", List.of(), Duration.ofDays(1));

    assertThat(v1.steps().get(1).detail()).isEqualTo("would send email \"First\"");
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.steps().get(1).detail()).isEqualTo("would send email \"Second\"");
    assertThatThrownBy(
            () ->
                s.engine.testing.simulate(
                    s.ws,
                    journey,
                    3,
                    "p",
                    JsonValue.EMPTY_JSON_OBJECT,
                    List.of(),
                    Duration.ofDays(1)))
        .isInstanceOf(JourneyNotFoundException.class)
        .hasMessage("campaign " + journey + " has no version 3");
  }

  private static String oneEmail(String subject) {
    return "{'name':'One','trigger':{'type':'api'},'nodes':[{'id':'e','type':'send_email',"
        + "'settings':{'from':'a@x.test','subject':'"
        + subject
        + "','body':'Hi'}}]}";
  }

  @Test
  void aTestSendMakesOneUnkeyedDeliveryAndNoRun() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.draftJourney(JourneyScenariosIT.ONBOARDING);
    s.person("ada", "{}");
    long rows = s.journeyRows();

    String first =
        s.engine.testing.testSend(s.ws, journey, "e2", "ada", Json.object("{'plan':'pro'}"));

    assertThat(s.effects.sent())
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::subject)
        .containsExactly(tuple("ada", "[TEST] Getting started"));
    assertThat(first).isEqualTo(s.effects.sent().get(0).deliveryId());
    String second = s.engine.testing.testSend(s.ws, journey, "e2", "ada", Json.object("{}"));
    assertThat(second).isNotEqualTo(first);
    assertThat(s.effects.sent()).hasSize(2);
    assertThat(s.journeyRows()).isEqualTo(rows);

    assertThatThrownBy(() -> s.engine.testing.testSend(s.ws, journey, "w1", "ada", null))
        .isInstanceOf(InvalidJourneyException.class)
        .hasMessage("node 'w1' is a delay step, not a send step");
    assertThatThrownBy(() -> s.engine.testing.testSend(s.ws, journey, "nope", "ada", null))
        .isInstanceOf(JourneyNotFoundException.class)
        .hasMessage("campaign " + journey + " has no node 'nope'");
    assertThatThrownBy(() -> s.engine.testing.testSend(s.ws, journey + 1000, "e1", "ada", null))
        .isInstanceOf(JourneyNotFoundException.class);
    assertThat(s.effects.sent()).hasSize(2);
  }

  private static String moving(String secondSubject, boolean withLongPath) {
    return "{'name':'Move','trigger':{'type':'api'},'nodes':["
        + "{'id':'b','type':'branch','settings':{'trigger_data':[{'property':'path',"
        + "'operator':'equals','value':'long'}]},'next':{'true':'"
        + (withLongPath ? "wl" : "e2")
        + "','false':'w1'}},"
        + "{'id':'w1','type':'delay','settings':{'duration':{'value':2,'unit':'days'}},"
        + "'next':'e2'},"
        + (withLongPath
            ? "{'id':'wl','type':'delay','settings':{'duration':{'value':5,'unit':'days'}},"
                + "'next':'e2'},"
            : "")
        + "{'id':'e2','type':'send_email','settings':{'from':'a@x.test','subject':'"
        + secondSubject
        + "','body':'b'}}]}";
  }

  @Test
  void movingRunsKeepsTimersAtKeptNodesAndExitsRunsAtRemovedOnes() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(moving("Old", true));
    s.person("ada", "{}");
    s.person("bob", "{}");
    s.person("stay", "{}");
    s.enter(journey, "ada", Json.object("{}"));
    s.enter(journey, "bob", Json.object("{'path':'long'}"));
    s.advance(Duration.ofHours(12));
    s.update(journey, moving("New", false));
    s.enter(journey, "stay", Json.object("{}")); // enters version 2 at T0 + 12 h

    RunMove moved = s.engine.mover.move(s.ws, journey);

    assertThat(moved).isEqualTo(new RunMove(2, 1, 1));
    s.advanceTo(T0.plus(DAY.multipliedBy(6)));
    assertThat(s.effects.sentTo("ada"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(tuple("New", T0.plus(DAY.multipliedBy(2))));
    assertThat(s.effects.sentTo("bob")).isEmpty();
    assertThat(s.effects.sentTo("stay"))
        .extracting(RecordingEffects.Sent::subject, RecordingEffects.Sent::at)
        .containsExactly(tuple("New", T0.plus(DAY.multipliedBy(2)).plusSeconds(12 * 3600)));
    RunView ada = s.runOf(journey, "ada");
    assertThat(ada.version()).isEqualTo(2);
    assertThat(ada.steps())
        .extracting(RunView.Step::node, RunView.Step::outcome, RunView.Step::detail)
        .contains(tuple("w1", "moved", "version 1 → 2"));
    RunView bob = s.runOf(journey, "bob");
    assertThat(bob.state()).isEqualTo("exited");
    assertThat(bob.exitReason()).isEqualTo("version_removed_node");
    assertThat(bob.version()).isEqualTo(1);

    // Nothing is left on an older version: a second move moves nobody.
    assertThat(s.engine.mover.move(s.ws, journey)).isEqualTo(new RunMove(2, 0, 0));
  }

  @Test
  void aMovedWaitFollowsTheNewVersionsEventAndADraftHasNoRunsToMove() throws Exception {
    Scenario s = new Scenario(T0);
    String wait =
        "{'name':'Wait','trigger':{'type':'api'},'nodes':["
            + "{'id':'w','type':'wait_until','settings':{'event':{'name':'%s'},"
            + "'timeout':{'value':3,'unit':'days'}},'next':{'met':'e'}},"
            + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Met',"
            + "'body':'b'}}]}";
    long journey = s.activeJourney(String.format(wait, "paid"));
    s.person("p", "{}");
    s.enter(journey, "p", Json.object("{}"));
    s.advance(Duration.ofHours(1));
    s.update(journey, String.format(wait, "settled"));
    assertThat(s.engine.mover.move(s.ws, journey)).isEqualTo(new RunMove(2, 1, 0));

    s.event("p", "paid", "{}");
    assertThat(s.effects.sentTo("p")).isEmpty();
    s.event("p", "settled", "{}");
    assertThat(s.effects.sentTo("p"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Met");

    long draft = s.draftJourney(String.format(wait, "x"));
    assertThatThrownBy(() -> s.engine.mover.move(s.ws, draft))
        .isInstanceOf(InvalidJourneyException.class)
        .hasMessageContaining("is draft");
  }
}
