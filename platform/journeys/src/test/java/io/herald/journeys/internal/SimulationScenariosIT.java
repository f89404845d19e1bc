package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.herald.journeys.api.Json;
import io.herald.journeys.api.Simulation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulations on the real database with a virtual clock, where a simulated run must behave as a
 * real one would: condition trees count hypothetical events (with the person's stored ones) and the
 * run's own attribute updates; entry filters, entry rules and frequency limits keep people out;
 * sends are rendered with the person's and the trigger's data; webhook calls take the edge of the
 * answer the request gives for their node.
 */
class SimulationScenariosIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @BeforeAll
  static void database() {
    assumeThat(JourneyTestDatabase.unavailable()).isEmpty();
  }

  private static Simulation simulate(
      Scenario s, long journey, String cioId, JsonObject data, List<Simulation.Event> events) {
    return s.engine.testing.simulate(s.ws, journey, null, cioId, data, events, Duration.ofDays(30));
  }

  private static Simulation.Event event(String name, Duration offset) {
    return new Simulation.Event(name, JsonValue.EMPTY_JSON_OBJECT, offset);
  }

  private static final String PRICING =
      "{'name':'Pricing','trigger':{'type':'api'},'nodes':["
          + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
          + "'next':'b'},"
          + "{'id':'b','type':'branch','settings':{'condition':{'version':1,'condition':"
          + "{'event':{'name':'viewed_pricing','count':{'at_least':2},"
          + "'within':{'last':7,'unit':'days'}}}}},'next':{'true':'hot','false':'cold'}},"
          + "{'id':'hot','type':'send_email','settings':{'from':'a@x.test','subject':'Ready?',"
          + "'body':'b'}},"
          + "{'id':'cold','type':'send_email','settings':{'from':'a@x.test','subject':'Still"
          + " looking?','body':'b'}}]}";

  @Test
  void aBranchCountsHypotheticalEventsWithStoredOnesUpToItsVirtualInstant() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(PRICING);
    s.person("p", "{}");
    s.person("q", "{}");
    JourneyTestDatabase.event(s.ws, "q", "viewed_pricing", T0.minus(DAY), Json.object("{}"));
    long rows = s.journeyRows();

    Simulation none = simulate(s, journey, "p", JsonValue.EMPTY_JSON_OBJECT, List.of());
    Simulation two =
        simulate(
            s,
            journey,
            "p",
            JsonValue.EMPTY_JSON_OBJECT,
            List.of(
                event("viewed_pricing", Duration.ofHours(1)),
                event("viewed_pricing", Duration.ofHours(2))));
    Simulation tooLate =
        simulate(
            s,
            journey,
            "p",
            JsonValue.EMPTY_JSON_OBJECT,
            List.of(
                event("viewed_pricing", Duration.ofHours(1)),
                event("viewed_pricing", DAY.plusHours(1))));
    Simulation storedAndHypothetical =
        simulate(
            s,
            journey,
            "q",
            JsonValue.EMPTY_JSON_OBJECT,
            List.of(event("viewed_pricing", Duration.ofHours(3))));

    assertThat(branch(none)).isEqualTo("false");
    assertThat(branch(two)).isEqualTo("true");
    assertThat(branch(tooLate)).isEqualTo("false");
    assertThat(branch(storedAndHypothetical)).isEqualTo("true");
    assertThat(two.steps())
        .filteredOn(st -> st.outcome().equals("sent"))
        .extracting(Simulation.Step::node, Simulation.Step::at, Simulation.Step::detail)
        .containsExactly(tuple("hot", T0.plus(DAY), "would send email \"Ready?\""));
    assertThat(s.journeyRows()).isEqualTo(rows);
    assertThat(s.effects.sent()).isEmpty();
  }

  private static String branch(Simulation sim) {
    return sim.steps().stream()
        .filter(st -> st.node().equals("b"))
        .map(Simulation.Step::edge)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aConditionWaitIsMetByAHypotheticalEventAtItsVirtualTime() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.draftJourney(
            "{'name':'Buy','trigger':{'type':'api'},'nodes':["
                + "{'id':'w','type':'wait_until','settings':{'condition':{'version':1,"
                + "'condition':{'event':{'name':'purchased','where':[{'property':'total',"
                + "'operator':'greater_than','value':10}]}}},"
                + "'timeout':{'value':2,'unit':'days'}},'next':{'met':'thanks','timeout':'nudge'}},"
                + "{'id':'thanks','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Thanks','body':'b'}},"
                + "{'id':'nudge','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Nudge','body':'b'}}]}");
    s.person("p", "{}");

    Simulation buys =
        simulate(
            s,
            journey,
            "p",
            JsonValue.EMPTY_JSON_OBJECT,
            List.of(
                new Simulation.Event("purchased", Json.object("{'total':5}"), Duration.ofHours(2)),
                new Simulation.Event(
                    "purchased", Json.object("{'total':50}"), Duration.ofHours(5))));
    Simulation browses = simulate(s, journey, "p", JsonValue.EMPTY_JSON_OBJECT, List.of());

    assertThat(buys.steps())
        .extracting(Simulation.Step::node, Simulation.Step::at, Simulation.Step::outcome)
        .containsExactly(
            tuple("w", T0, "entered"),
            tuple("w", T0, "waiting"),
            tuple("w", T0.plusSeconds(5 * 3600), "met"),
            tuple("thanks", T0.plusSeconds(5 * 3600), "sent"),
            tuple("thanks", T0.plusSeconds(5 * 3600), "completed"));
    assertThat(browses.steps())
        .extracting(Simulation.Step::node, Simulation.Step::outcome)
        .contains(tuple("w", "timeout"), tuple("nudge", "sent"));
  }

  @Test
  void entryRulesFrequencyLimitsAndFiltersKeepPeopleOutAsTheOutcome() throws Exception {
    Scenario s = new Scenario(T0);
    String journey =
        "{'name':'Rules','trigger':{'type':'api'},'entry':%s,'nodes':["
            + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
            + "'next':'e'},"
            + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
            + "'body':'b'}}]}";
    long once = s.activeJourney(String.format(journey, "{'rule':'once'}"));
    long atATime = s.activeJourney(String.format(journey, "{'rule':'once_at_a_time'}"));
    long limited =
        s.activeJourney(
            String.format(
                journey,
                "{'rule':'every_time','frequency':{'max':1,'within':{'value':7,'unit':'days'}}}"));
    long filtered =
        s.activeJourney(
            String.format(
                journey,
                "{'filter':{'version':1,'condition':{'attribute':{'name':'plan',"
                    + "'operator':'equals','value':'pro'}}}}"));
    for (String p : List.of("in", "new", "pro")) {
      s.person(p, p.equals("pro") ? "{\"plan\":\"pro\"}" : "{}");
    }
    for (long j : List.of(once, atATime, limited)) {
      assertThat(s.enter(j, "in", Json.object("{}"))).isPositive();
    }
    long rows = s.journeyRows();

    Simulation onceIn = simulate(s, once, "in", JsonValue.EMPTY_JSON_OBJECT, List.of());
    assertThat(onceIn.end()).isEqualTo(Simulation.NOT_ENTERED);
    assertThat(onceIn.reason())
        .isEqualTo("entry rule once: the person already entered this journey");
    assertThat(onceIn.steps()).isEmpty();
    assertThat(onceIn.endedAt()).isEqualTo(T0);
    assertThat(simulate(s, atATime, "in", JsonValue.EMPTY_JSON_OBJECT, List.of()).reason())
        .isEqualTo("entry rule once_at_a_time: the person is in an active run of this journey");
    assertThat(simulate(s, limited, "in", JsonValue.EMPTY_JSON_OBJECT, List.of()).reason())
        .isEqualTo("frequency limit: at most 1 entries within PT168H, the person has 1");
    assertThat(simulate(s, filtered, "new", JsonValue.EMPTY_JSON_OBJECT, List.of()).reason())
        .isEqualTo("entry filter: the person does not match it");
    for (long j : List.of(once, atATime, limited)) {
      Simulation fresh = simulate(s, j, "new", JsonValue.EMPTY_JSON_OBJECT, List.of());
      assertThat(fresh.end()).isEqualTo("completed");
      assertThat(fresh.reason()).isNull();
    }
    assertThat(simulate(s, filtered, "pro", JsonValue.EMPTY_JSON_OBJECT, List.of()).end())
        .isEqualTo("completed");
    assertThat(s.journeyRows()).isEqualTo(rows);

    // Once the run has ended, once_at_a_time lets the person in again; once never does; the
    // frequency limit does after its window.
    s.advanceTo(T0.plus(DAY.multipliedBy(8)));
    assertThat(simulate(s, atATime, "in", JsonValue.EMPTY_JSON_OBJECT, List.of()).end())
        .isEqualTo("completed");
    assertThat(simulate(s, once, "in", JsonValue.EMPTY_JSON_OBJECT, List.of()).end())
        .isEqualTo(Simulation.NOT_ENTERED);
    assertThat(simulate(s, limited, "in", JsonValue.EMPTY_JSON_OBJECT, List.of()).end())
        .isEqualTo("completed");
  }

  @Test
  void sendsAreRenderedWithThePersonsAndTheTriggersData() throws Exception {
    Scenario s = new Scenario(T0);
    long journey =
        s.draftJourney(
            "{'name':'Hello','trigger':{'type':'api'},'nodes':["
                + "{'id':'e','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Hi {{customer.first_name}}','body':'Your plan: {{trigger.plan}}'},"
                + "'next':'bad'},"
                + "{'id':'bad','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Hi {{customer.nickname}}','body':'b'}}]}");
    s.person("p", "{\"first_name\":\"Ada\"}");

    Simulation sim = simulate(s, journey, "p", Json.object("{'plan':'pro'}"), List.of());

    assertThat(sim.steps())
        .extracting(
            Simulation.Step::node,
            Simulation.Step::outcome,
            Simulation.Step::detail,
            Simulation.Step::preview)
        .containsExactly(
            tuple("e", "entered", "simulation", null),
            tuple(
                "e",
                "sent",
                "would send email \"Hi Ada\"",
                new Simulation.Preview("Hi Ada", "Your plan: pro")),
            tuple("bad", "failed", "would not render: customer.nickname is not defined", null),
            tuple("bad", "completed", null, null));
  }

  private static final String LOOKUP =
      "{'name':'Lookup','trigger':{'type':'api'},'nodes':["
          + "{'id':'hook','type':'send_webhook','settings':{'url':'https://crm.example/p',"
          + "'capture':{'plan':'body.account.plan'}},"
          + "'next':{'success':'b','failure':'alert'}},"
          + "{'id':'b','type':'branch','settings':{'condition':{'version':1,'condition':"
          + "{'attribute':{'name':'plan','operator':'equals','value':'pro'}}}},"
          + "'next':{'true':'pro','false':'free'}},"
          + "{'id':'pro','type':'exit'},{'id':'free','type':'exit'},{'id':'alert','type':'exit'}]}";

  @Test
  void aWebhookTakesTheEdgeOfTheGivenAnswerAndItsCaptureReachesLaterConditions() throws Exception {
    Scenario s = new Scenario(T0);
    long journey = s.draftJourney(LOOKUP);
    s.person("p", "{\"plan\":\"free\"}");

    Simulation plain = webhook(s, journey, Map.of());
    Simulation pro =
        webhook(
            s,
            journey,
            Map.of(
                "hook",
                new Simulation.WebhookAnswer(
                    201, Map.of(), Json.object("{'account':{'plan':'pro'}}"))));
    Simulation down =
        webhook(
            s,
            journey,
            Map.of("hook", new Simulation.WebhookAnswer(503, Map.of(), Json.value("'down'"))));

    assertThat(plain.steps())
        .extracting(Simulation.Step::node, Simulation.Step::outcome, Simulation.Step::edge)
        .containsSubsequence(tuple("hook", "success", "success"), tuple("b", "false", "false"));
    assertThat(pro.steps())
        .extracting(
            Simulation.Step::node,
            Simulation.Step::at,
            Simulation.Step::outcome,
            Simulation.Step::detail)
        .containsSubsequence(
            tuple("hook", T0, "calling", "would call webhook POST https://crm.example/p"),
            tuple("hook", T0.plusSeconds(1), "success", "HTTP 201; would set {\"plan\":\"pro\"}"),
            tuple("b", T0.plusSeconds(1), "true", null));
    assertThat(down.steps())
        .extracting(Simulation.Step::node, Simulation.Step::outcome, Simulation.Step::detail)
        .contains(tuple("hook", "failure", "HTTP 503: \"down\""));
    assertThat(down.steps()).extracting(Simulation.Step::next).contains("alert");
    assertThat(s.effects.updates()).isEmpty();
    assertThat(s.effects.calls()).isEmpty();
  }

  private static Simulation webhook(
      Scenario s, long journey, Map<String, Simulation.WebhookAnswer> answers) {
    return s.engine.testing.simulate(
        s.ws,
        journey,
        null,
        "p",
        JsonValue.EMPTY_JSON_OBJECT,
        List.of(),
        answers,
        Duration.ofDays(1));
  }
}
