package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.journeys.api.WebhookReceipt;
import io.herald.journeys.api.WebhookRefusedException;
import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Date-attribute, object, relationship and inbound-webhook triggers, and the update_object,
 * update_relationship and start_journey steps, on a real database with a virtual clock.
 */
class JourneyTriggerScenariosIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  private static String mail(String subject) {
    return "{'id':'m','type':'send_email','settings':{'from':'a@x.test','subject':'"
        + subject
        + "','body':'b'}}";
  }

  private static final String TRIAL =
      "{'name':'Trial ends','trigger':{'type':'date','attribute':'trial_ends_at',"
          + "'offset':{'days':-3},'at':'09:00'},'nodes':["
          + mail("Trial ends soon")
          + "]}";

  @Test
  void dateTriggerFiresThreeDaysBeforeAtNineInEachPersonsZone() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("ber", "{\"trial_ends_at\":\"2026-11-20\"}");
    long nyDate = Instant.parse("2026-11-20T12:00:00Z").getEpochSecond(); // 07:00 in New York
    s.person("ny", "{\"trial_ends_at\":" + nyDate + "}");
    s.person("old", "{\"trial_ends_at\":\"2026-10-01\"}"); // long past when activated
    s.person("none", "{\"plan\":\"free\"}");
    s.person("junk", "{\"trial_ends_at\":\"soon\"}");
    s.effects.zone("ber", ZoneId.of("Europe/Berlin"));
    s.effects.zone("ny", ZoneId.of("America/New_York"));

    long journey = s.activeJourney(TRIAL);
    s.advanceTo(Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(sentTo(s, PEOPLE))
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::at)
        .containsExactly(
            tuple("ber", Instant.parse("2026-11-17T08:00:00Z")), // 09:00 CET
            tuple("ny", Instant.parse("2026-11-17T14:00:00Z"))); // 09:00 EST
    assertThat(s.runs(journey)).extracting(RunView::cioId).containsOnly("ber", "ny");
    assertThat(s.runOf(journey, "ber").steps().get(0).detail()).isEqualTo("date trial_ends_at");
  }

  @Test
  void aChangedDateIsRescheduledAndAPastOneWithinADayStillEnters() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("ada", "{\"trial_ends_at\":\"2026-11-20\"}");
    s.person("bo", "{}");
    long journey = s.activeJourney(TRIAL);

    s.advance(Duration.ofDays(1));
    // ada's trial is extended; bo gets a trial whose reminder time passed 2 hours ago.
    changeAttribute(s, "ada", "{\"trial_ends_at\":\"2026-11-25\"}");
    s.clock.set(Instant.parse("2026-11-14T11:00:00Z"));
    changeAttribute(s, "bo", "{\"trial_ends_at\":\"2026-11-17\"}");
    s.advanceTo(Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(sentTo(s, PEOPLE))
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::at)
        .containsExactly(
            tuple("bo", Instant.parse("2026-11-14T11:00:00Z")),
            tuple("ada", Instant.parse("2026-11-22T09:00:00Z")));

    // A later change of the attribute to the same date does not start a second run.
    changeAttribute(s, "ada", "{\"trial_ends_at\":\"2026-11-25\"}");
    s.advance(Duration.ofDays(1));
    assertThat(s.runs(journey)).hasSize(2);
  }

  @Test
  void aYearlyDateFiresEveryYear() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("cy", "{\"birthday\":\"1990-11-05\"}");
    s.person("leap", "{\"birthday\":\"2000-02-29T15:30:00Z\"}");
    long journey =
        s.activeJourney(
            "{'name':'Birthday','trigger':{'type':'date','attribute':'birthday','at':'10:00',"
                + "'yearly':true},'entry':{'rule':'every_time'},'nodes':["
                + mail("Happy birthday")
                + "]}");

    s.advanceTo(Instant.parse("2028-03-01T00:00:00Z"));

    assertThat(sentTo(s, PEOPLE))
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::at)
        .containsExactly(
            tuple("cy", Instant.parse("2026-11-05T10:00:00Z")),
            tuple("leap", Instant.parse("2027-02-28T10:00:00Z")),
            tuple("cy", Instant.parse("2027-11-05T10:00:00Z")),
            tuple("leap", Instant.parse("2028-02-29T10:00:00Z")));
    assertThat(s.runs(journey)).hasSize(4);

    // Archiving clears the schedule.
    s.engine.lifecycle.change(s.ws, journey, JourneyState.ARCHIVED);
    s.advanceTo(Instant.parse("2028-12-01T00:00:00Z"));
    assertThat(sentTo(s, PEOPLE)).hasSize(4);
  }

  @Test
  void anObjectChangeEntersThePeopleRelatedToIt() throws Exception {
    Scenario s = new Scenario(T0);
    for (String p : List.of("ann", "ben", "cat")) {
      s.person(p, "{}");
    }
    s.effects.relate("obj-acme", "ann");
    s.effects.relate("obj-acme", "ben");
    s.effects.relate("obj-free", "cat");
    // A change from before the journey was activated starts nothing.
    JourneyTestDatabase.objectChange(
        s.ws,
        1,
        "early",
        "obj-acme",
        "created",
        null,
        "{\"plan\":\"premium\"}",
        T0.minusSeconds(60));
    long journey =
        s.activeJourney(
            "{'name':'Premium accounts','trigger':{'type':'object','object_type_id':'1',"
                + "'where':[{'property':'plan','operator':'equals','value':'premium'}]},"
                + "'nodes':[{'id':'b','type':'branch','settings':{'trigger_data':"
                + "[{'property':'object.name','operator':'equals','value':'Acme'}]},"
                + "'next':{'true':'o'}},"
                + "{'id':'o','type':'update_object','settings':{'object_type_id':'1',"
                + "'object_id':'{{trigger.object.object_id}}',"
                + "'attributes':{'welcomed_by':'journey','note':'{{trigger.change}}'}}}]}");
    JourneyTestDatabase.objectChange(
        s.ws,
        1,
        "acme",
        "obj-acme",
        "created",
        null,
        "{\"plan\":\"premium\",\"name\":\"Acme\"}",
        T0);
    JourneyTestDatabase.objectChange(
        s.ws, 1, "free", "obj-free", "updated", null, "{\"plan\":\"free\"}", T0);
    JourneyTestDatabase.objectChange(
        s.ws, 2, "acme", "obj-other", "created", null, "{\"plan\":\"premium\"}", T0);
    drainObjects(s);
    s.advance(Duration.ofMinutes(1));

    assertThat(s.runs(journey)).extracting(RunView::cioId).containsExactlyInAnyOrder("ann", "ben");
    assertThat(s.effects.updates())
        .containsExactlyInAnyOrder(
            "ann object 1/acme {\"welcomed_by\":\"journey\",\"note\":\"created\"}",
            "ben object 1/acme {\"welcomed_by\":\"journey\",\"note\":\"created\"}");
    assertThat(s.runOf(journey, "ann").steps())
        .extracting(RunView.Step::node, RunView.Step::outcome)
        .contains(tuple("b", "true"), tuple("o", "updated"));
  }

  @Test
  void aRelationshipEntersThatPerson() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("dan", "{}");
    s.person("eve", "{}");
    long related =
        s.activeJourney(
            "{'name':'Joined','trigger':{'type':'relationship','object_type_id':'3'},"
                + "'nodes':["
                + mail("Welcome to the team")
                + "]}");
    long left =
        s.activeJourney(
            "{'name':'Left','trigger':{'type':'relationship','object_type_id':3,"
                + "'on':'unrelated'},'nodes':["
                + mail("Sorry to see you go")
                + "]}");
    JourneyTestDatabase.objectChange(s.ws, 3, "t1", "obj-t1", "related", "dan", "{}", T0);
    JourneyTestDatabase.objectChange(s.ws, 3, "t1", "obj-t1", "unrelated", "eve", "{}", T0);
    JourneyTestDatabase.objectChange(s.ws, 3, "t1", "obj-t1", "updated", null, "{}", T0);
    drainObjects(s);
    s.advance(Duration.ofMinutes(1));

    assertThat(s.runs(related)).extracting(RunView::cioId).containsExactly("dan");
    assertThat(s.runs(left)).extracting(RunView::cioId).containsExactly("eve");
    assertThat(sentTo(s, PEOPLE))
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::subject)
        .containsExactlyInAnyOrder(
            tuple("dan", "Welcome to the team"), tuple("eve", "Sorry to see you go"));
  }

  @Test
  void aDeletedObjectEntersThePeopleItWasRelatedTo() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("gus", "{}");
    s.person("hal", "{}");
    long journey =
        s.activeJourney(
            "{'name':'Account closed','trigger':{'type':'object','object_type_id':'4',"
                + "'on':'deleted','where':[{'property':'plan','operator':'equals',"
                + "'value':'premium'}]},'nodes':["
                + mail("Your account {{trigger.object.object_id}} was closed")
                + "]}");
    // The objects module journals a deletion once per person who was related to the object.
    String premium = "{\"plan\":\"premium\"}";
    JourneyTestDatabase.objectChange(s.ws, 4, "a1", "obj-a1", "deleted", "gus", premium, T0);
    JourneyTestDatabase.objectChange(s.ws, 4, "a1", "obj-a1", "deleted", "hal", premium, T0);
    JourneyTestDatabase.objectChange(s.ws, 4, "a2", "obj-a2", "deleted", null, premium, T0);
    JourneyTestDatabase.objectChange(
        s.ws, 4, "a3", "obj-a3", "deleted", "gus", "{\"plan\":\"free\"}", T0);
    JourneyTestDatabase.objectChange(s.ws, 4, "a4", "obj-a4", "updated", null, premium, T0);
    drainObjects(s);
    s.advance(Duration.ofMinutes(1));

    assertThat(s.runs(journey)).extracting(RunView::cioId).containsExactlyInAnyOrder("gus", "hal");
    assertThat(s.runOf(journey, "gus").steps().get(0).detail()).isEqualTo("object deleted 4/a1");
  }

  @Test
  void anObjectLinkedToAnotherEntersThePeopleRelatedToIt() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("ida", "{}");
    s.person("jon", "{}");
    s.effects.relate("obj-co", "ida");
    s.effects.relate("obj-team", "jon");
    long journey =
        s.activeJourney(
            "{'name':'New team','trigger':{'type':'object','object_type_id':'5',"
                + "'on':'child_related'},'nodes':["
                + "{'id':'b','type':'branch','settings':{'trigger_data':"
                + "[{'property':'related_object.object_id','operator':'equals','value':'team'}]},"
                + "'next':{'true':'m'}},"
                + mail("A new team joined")
                + "]}");
    // Linking team (type 6) under co (type 5) journals both ends.
    JourneyTestDatabase.objectLinkChange(s.ws, 5, "co", "child_related", 6, "team", "{}", T0);
    JourneyTestDatabase.objectLinkChange(s.ws, 6, "team", "parent_related", 5, "co", "{}", T0);
    JourneyTestDatabase.objectLinkChange(s.ws, 5, "co", "child_unrelated", 6, "team", "{}", T0);
    drainObjects(s);
    s.advance(Duration.ofMinutes(1));

    assertThat(s.runs(journey)).extracting(RunView::cioId).containsExactly("ida");
    assertThat(s.runOf(journey, "ida").steps())
        .extracting(RunView.Step::node, RunView.Step::outcome)
        .contains(tuple("b", "true"), tuple("m", "sent"));
  }

  @Test
  void anInboundWebhookEntersThePersonItNames() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("fay", "{}");
    JourneyTestDatabase.execute(
        "UPDATE people_person SET email = ?, email_key = ? WHERE workspace_id = ? AND cio_id = ?",
        "Fay@X.test",
        "fay@x.test",
        s.ws,
        "fay");
    long journey =
        s.activeJourney(
            "{'name':'Order shipped','trigger':{'type':'webhook','identifier':'$.customer.email'},"
                + "'entry':{'rule':'every_time'},'nodes':[{'id':'b','type':'branch','settings':"
                + "{'trigger_data':[{'property':'order.total','operator':'greater_than',"
                + "'value':100}]},'next':{'true':'m'}},"
                + mail("Big order shipped")
                + "]}");
    String token = s.engine.webhooks.rotate(s.ws, journey);
    assertThat(token).startsWith("hjw_").hasSizeGreaterThan(40);

    WebhookReceipt r =
        s.engine.webhooks.receive(
            token, Json.object("{'customer':{'email':'fay@x.test'},'order':{'total':250}}"));
    s.advance(Duration.ofMinutes(1));
    assertThat(r.cioId()).isEqualTo("fay");
    assertThat(r.runId()).isPositive();
    assertThat(s.effects.sentTo("fay"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Big order shipped");

    assertRefused(s, token, "{'customer':{}}", WebhookRefusedException.Reason.NO_IDENTIFIER);
    assertRefused(
        s,
        token,
        "{'customer':{'email':'nobody@x.test'}}",
        WebhookRefusedException.Reason.UNKNOWN_PERSON);
    assertRefused(
        s,
        token + "x",
        "{'customer':{'email':'fay@x.test'}}",
        WebhookRefusedException.Reason.UNKNOWN_TOKEN);
    String rotated = s.engine.webhooks.rotate(s.ws, journey);
    assertRefused(
        s,
        token,
        "{'customer':{'email':'fay@x.test'}}",
        WebhookRefusedException.Reason.UNKNOWN_TOKEN);
    s.engine.lifecycle.change(s.ws, journey, JourneyState.PAUSED);
    assertRefused(
        s,
        rotated,
        "{'customer':{'email':'fay@x.test'}}",
        WebhookRefusedException.Reason.NOT_ACTIVE);
    // Only the token's hash is stored.
    long stored =
        io.herald.shared.persistence.Transactions.autoCommit(
            JourneyTestDatabase.dataSource(),
            "test",
            c ->
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM journeys_webhook WHERE journey_id = ?"
                        + " AND token_sha256 = ?",
                    journey,
                    Webhooks.sha256(rotated)));
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void stepsUpdateRelationshipsAndStartAnotherJourney() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("gil", "{}");
    long target =
        s.activeJourney(
            "{'name':'Follow-up','trigger':{'type':'api'},'nodes':[{'id':'b','type':'branch',"
                + "'settings':{'trigger_data':[{'property':'source','operator':'equals',"
                + "'value':'Onboarding'},{'property':'team','operator':'equals','value':'t9'}]},"
                + "'next':{'true':'m'}},"
                + mail("Follow-up")
                + "]}");
    long paused =
        s.activeJourney("{'name':'Paused','trigger':{'type':'api'},'nodes':[" + mail("x") + "]}");
    s.engine.lifecycle.change(s.ws, paused, JourneyState.PAUSED);
    long journey =
        s.activeJourney(
            "{'name':'Onboarding','trigger':{'type':'api'},'nodes':["
                + "{'id':'r','type':'update_relationship','settings':{'action':'relate',"
                + "'object_type_id':'2','object_id':'{{trigger.team}}',"
                + "'attributes':{'role':'{{trigger.role}}'}},'next':'u'},"
                + "{'id':'u','type':'update_relationship','settings':{'action':'unrelate',"
                + "'object_type_id':2,'object_id':'old-team'},'next':'o'},"
                + "{'id':'o','type':'update_object','settings':{'object_type_id':'2',"
                + "'attributes':{'last_joiner':'gil'}},'next':'s'},"
                + "{'id':'s','type':'start_journey','settings':{'journey_id':"
                + target
                + ",'data':{'source':'Onboarding'}},'next':'p'},"
                + "{'id':'p','type':'start_journey','settings':{'journey_id':"
                + paused
                + "}}]}");

    s.enter(journey, "gil", Json.object("{'team':'t9','role':'admin'}"));
    s.advance(Duration.ofMinutes(1));

    assertThat(s.effects.updates())
        .containsExactly(
            "gil related 2/t9 {\"role\":\"admin\"}",
            "gil unrelated 2/old-team",
            "gil object 2/null {\"last_joiner\":\"gil\"}");
    RunView run = s.runOf(journey, "gil");
    assertThat(run.steps())
        .extracting(RunView.Step::node, RunView.Step::outcome)
        .contains(
            tuple("r", "related"),
            tuple("u", "unrelated"),
            tuple("o", "updated"),
            tuple("s", "started"),
            tuple("p", "failed"));
    assertThat(
            run.steps().stream()
                .filter(st -> st.node().equals("p"))
                .findFirst()
                .orElseThrow()
                .detail())
        .isEqualTo("campaign " + paused + " is paused, not active");
    // The started run got the trigger data with the step's data over it, and took the branch.
    assertThat(s.effects.sentTo("gil"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("Follow-up");
    assertThat(s.runOf(target, "gil").steps().get(0).detail())
        .isEqualTo("journey " + journey + " step s");
  }

  /** This test's people (the poller also runs other tests' leftover timers with these effects). */
  private static final java.util.Set<String> PEOPLE =
      java.util.Set.of("ber", "ny", "old", "none", "junk", "ada", "bo", "cy", "leap", "dan", "eve");

  private static List<RecordingEffects.Sent> sentTo(Scenario s, java.util.Set<String> people) {
    return s.effects.sent().stream().filter(x -> people.contains(x.cioId())).toList();
  }

  private static void assertRefused(
      Scenario s, String token, String body, WebhookRefusedException.Reason reason) {
    assertThatThrownBy(() -> s.engine.webhooks.receive(token, Json.object(body)))
        .isInstanceOf(WebhookRefusedException.class)
        .satisfies(e -> assertThat(((WebhookRefusedException) e).reason()).isEqualTo(reason));
  }

  private static void drainObjects(Scenario s) {
    while (s.engine.objects.step(1000) > 0) {
      // the journal is shared by every test of the run: read to its end
    }
  }

  /** Sets the person's attributes and hands the change to the engine as people's feed would. */
  private static void changeAttribute(Scenario s, String cioId, String attributes)
      throws Exception {
    JourneyTestDatabase.execute(
        "UPDATE people_person SET attributes = ? WHERE workspace_id = ? AND cio_id = ?",
        attributes,
        s.ws,
        cioId);
    String names = Json.object(attributes.replace('"', '\'')).keySet().iterator().next();
    s.engine.dates.onPersonChanges(
        List.of(
            new PersonChangeFeed.Entry(
                s.ws,
                new PersonChange(
                    0,
                    cioId,
                    "attribute_change",
                    s.clock.instant(),
                    Json.object("{'attributes':{'" + names + "':{'to':1}}}")))));
  }
}
