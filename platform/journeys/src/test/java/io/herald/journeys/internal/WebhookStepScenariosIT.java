package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code send_webhook} step on a real database with a virtual clock: the call is queued once,
 * the run waits for its answer with checks further and further apart, and goes on by {@code
 * success} (capturing answer fields into attributes) or {@code failure}. Messaging's part (the HTTP
 * call, its retries and the SSRF guard) is the app module's {@code JourneyWebhookIT}.
 */
class WebhookStepScenariosIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  private static final String JOURNEY =
      "{'name':'Enrich','trigger':{'type':'api'},'nodes':["
          + "{'id':'lookup','type':'send_webhook','settings':{'url':'https://crm.example/people',"
          + "'method':'post','headers':{'X-Token':'t'},'body':'id={{customer.id}}',"
          + "'capture':{'plan':'body.account.plan','first_seat':'body.seats[0].name',"
          + "'crm_status':'status','missing':'body.nope'}},"
          + "'next':{'success':'ok','failure':'alert'}},"
          + "{'id':'ok','type':'send_email','settings':{'from':'a@x.test','subject':'Welcome',"
          + "'body':'b'}},"
          + "{'id':'alert','type':'send_email','settings':{'from':'a@x.test','subject':'Lookup"
          + " failed','body':'b'}}]}";

  @Test
  void aSuccessfulCallCapturesAnswerFieldsAndTakesTheSuccessEdge() {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(JOURNEY);
    s.effects.checksBeforeAnswer(3);
    s.effects.answer(
        new Effects.CallOutcome(
            true,
            null,
            Map.of(
                "status",
                201L,
                "body",
                Map.of(
                    "account",
                    Map.of("plan", "pro"),
                    "seats",
                    List.of(Map.of("name", "Ada"), Map.of("name", "Bob"))))));

    s.enter(journey, "p1", Json.object("{}"));
    s.advance(Duration.ofMinutes(5));

    assertThat(s.effects.calls()).hasSize(1);
    assertThat(s.effects.calls().get(0).settings().getString("url"))
        .isEqualTo("https://crm.example/people");
    // Checked 1 s after the call, then half the call's age (at least 1 s) apart: 1, 2, 3, 4.5 s.
    assertThat(s.effects.checks())
        .extracting(c -> c.substring(c.indexOf(' ') + 1))
        .containsExactly(
            "2026-11-02T10:00:01Z",
            "2026-11-02T10:00:02Z",
            "2026-11-02T10:00:03Z",
            "2026-11-02T10:00:04.500Z");
    assertThat(s.effects.updates())
        .containsExactly("p1 {\"plan\":\"pro\",\"first_seat\":\"Ada\",\"crm_status\":201}");
    RunView run = s.runOf(journey, "p1");
    assertThat(run.steps())
        .extracting(st -> st.node() + " " + st.outcome())
        .containsSubsequence("lookup calling", "lookup success", "ok sent", "ok completed");
    assertThat(run.steps().stream().filter(st -> st.outcome().equals("success")).findFirst())
        .get()
        .extracting(RunView.Step::detail)
        .isEqualTo("HTTP 201");
    assertThat(s.effects.sentTo("p1"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Welcome");
  }

  @Test
  void aFailedCallTakesTheFailureEdgeWithTheReasonAndCapturesNothing() {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(JOURNEY);
    s.effects.answer(
        new Effects.CallOutcome(
            false, "HTTP 500: boom (gave up after 1 attempts)", Map.of("status", 500L)));

    s.enter(journey, "p2", Json.object("{}"));
    s.advance(Duration.ofMinutes(1));

    RunView run = s.runOf(journey, "p2");
    assertThat(run.steps())
        .extracting(st -> st.node() + " " + st.outcome() + " " + st.detail())
        .contains("lookup failure HTTP 500: boom (gave up after 1 attempts)");
    assertThat(s.effects.updates()).isEmpty();
    assertThat(s.effects.sentTo("p2"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Lookup failed");
  }

  @Test
  void aCallThatCannotBeQueuedFailsAtOnceAndAMissingEdgeEndsTheRun() {
    Scenario s = new Scenario(T0);
    long journey =
        s.activeJourney(
            "{'name':'Refused','trigger':{'type':'api'},'nodes':["
                + "{'id':'hook','type':'send_webhook','settings':{'url':'https://refuse.example/'},"
                + "'next':{'success':'done'}},"
                + "{'id':'done','type':'exit'}]}");

    s.enter(journey, "p3", Json.object("{}"));
    s.advance(Duration.ofSeconds(10));

    RunView run = s.runOf(journey, "p3");
    assertThat(run.steps())
        .extracting(st -> st.node() + " " + st.outcome())
        .containsSubsequence("hook failure", "hook completed");
    assertThat(run.state()).isEqualTo("completed");
    assertThat(s.effects.calls()).isEmpty();
  }

  @Test
  void aStepRetriedAfterANodeDiedQueuesTheCallOnce() {
    Scenario s = new Scenario(T0);
    long journey = s.activeJourney(JOURNEY);
    s.effects.answer(new Effects.CallOutcome(true, null, Map.of("status", 200L)));
    s.effects.failAfterSend(1);

    s.enter(journey, "p4", Json.object("{}"));
    // The first try dies after queueing; its timer's lease (60 s) runs out and the step runs again.
    s.advance(Duration.ofMinutes(5));

    assertThat(s.effects.calls()).hasSize(1);
    assertThat(s.runOf(journey, "p4").steps())
        .filteredOn(st -> st.outcome().equals("calling"))
        .hasSize(1);
    assertThat(s.effects.sentTo("p4"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Welcome");
  }

  @Test
  void capturePathsReadStatusHeadersAndNestedBodies() {
    Map<String, Object> answer =
        Map.of(
            "status",
            200L,
            "headers",
            Map.of("x-request-id", "r-1"),
            "body",
            Map.of("a", List.of(Map.of("b", true))));
    assertThat(WebhookStep.resolve(answer, "status")).contains(200L);
    assertThat(WebhookStep.resolve(answer, "headers.X-Request-Id")).contains("r-1");
    assertThat(WebhookStep.resolve(answer, "body.a[0].b")).contains(true);
    assertThat(WebhookStep.resolve(answer, "body.a[1].b")).isEmpty();
    assertThat(WebhookStep.resolve(answer, "body.a.b")).isEmpty();
    assertThat(WebhookStep.resolve(Map.of("status", 200L, "body", "text"), "body"))
        .contains("text");
  }
}
