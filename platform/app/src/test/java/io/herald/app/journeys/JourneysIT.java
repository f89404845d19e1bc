package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.SmtpSink;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Journeys through the App API on the running node: a journey created and activated through the
 * API, started by a Track API event read from the events change feed, its email sent through the
 * workspace's SMTP channel (a GreenMail server) with the run and its step log visible; an
 * API-triggered journey; the lifecycle; and refused requests answering in the App API's shape.
 */
class JourneysIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static GreenMail smtp;

  private static SmtpSink sink;

  @BeforeAll
  static void startSmtp() {
    sink = SmtpSink.start("journeys-smtp", "journeys-smtp-password");
    smtp = sink.mail();
  }

  @AfterAll
  static void stopSmtp() {
    sink.stop();
  }

  @BeforeEach
  void channel() {
    sink.useAsDefault(http());
  }

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private String person(String id) {
    Answer put =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                q("{'email':'" + id + "@example.com','plan':'pro'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Answer read = http().get("v1/customers/" + id + "/attributes", Http.app());
    return read.json().at("/customer/identifiers/cio_id").asText();
  }

  private long create(String document) {
    Answer created = http().post("v1/campaigns", Http.app(), q(document));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().at("/campaign/state").asText()).isEqualTo("draft");
    return created.json().at("/campaign/id").asLong();
  }

  private void activate(long id) {
    Answer active = http().post("v1/campaigns/" + id + "/activate", Http.app(), "");
    assertThat(active.status()).as(active.body()).isEqualTo(200);
    assertThat(active.json().at("/campaign/state").asText()).isEqualTo("running");
  }

  private JsonNode awaitCompletedRun(long campaign) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/campaigns/" + campaign + "/runs?state=completed", Http.app())
                            .json()
                            .path("runs"))
                    .hasSize(1));
    return http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs").get(0);
  }

  @Test
  void aTrackEventStartsTheJourneyAndItsEmailArrives() throws Exception {
    String event = unique("jit_signed_up");
    String subject = unique("Welcome");
    String id = unique("journey-person");
    String cio = person(id);
    long campaign =
        create(
            "{'name':'Welcome "
                + event
                + "','trigger':{'type':'event','event':'"
                + event
                + "',"
                + "'where':[{'property':'plan','operator':'equals','value':'pro'}]},"
                + "'entry':{'rule':'once'},'nodes':[{'id':'hello','type':'send_email',"
                + "'settings':{'from':'Acme <hello@acme.test>','subject':'"
                + subject
                + " {{trigger.plan}}','body':'<p>Hi {{customer.email}}</p>'}}]}");
    activate(campaign);

    Answer tracked =
        http()
            .post(
                "api/v1/customers/" + id + "/events",
                Http.track(),
                q("{'name':'" + event + "','data':{'plan':'pro'}}"));
    assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    // Filtered out by the trigger's data filter: no second run (and "once" would refuse it).
    http()
        .post(
            "api/v1/customers/" + id + "/events",
            Http.track(),
            q("{'name':'" + event + "','data':{'plan':'free'}}"));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(m -> subjectOf(m).equals(subject + " pro")));
    MimeMessage mail =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> subjectOf(m).equals(subject + " pro"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(id + "@example.com");

    JsonNode run = awaitCompletedRun(campaign);
    assertThat(run.path("cio_id").asText()).isEqualTo(cio);
    Answer detail =
        http().get("v1/campaigns/" + campaign + "/runs/" + run.path("id").asLong(), Http.app());
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    JsonNode steps = detail.json().at("/run/steps");
    assertThat(steps.get(0).path("outcome").asText()).isEqualTo("entered");
    assertThat(steps.get(1).path("outcome").asText()).isEqualTo("sent");
    String deliveryId = steps.get(1).path("detail").asText();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/messages/" + deliveryId, Http.app())
                            .json()
                            .at("/message/state")
                            .asText())
                    .isEqualTo("sent"));

    Answer mine = http().get("v1/customers/" + id + "/journeys", Http.app());
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.json().path("journeys")).hasSize(1);
    assertThat(mine.json().at("/journeys/0/campaign_id").asLong()).isEqualTo(campaign);

    Answer metrics = http().get("v1/campaigns/" + campaign + "/metrics", Http.app());
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.json().at("/journey/entered").asLong()).isEqualTo(1);
    assertThat(metrics.json().at("/metric/series/sent/0").asLong()).isEqualTo(1);

    Answer actions = http().get("v1/campaigns/" + campaign + "/actions", Http.app());
    assertThat(actions.json().at("/actions/0/type").asText()).isEqualTo("email");
    assertThat(actions.json().at("/actions/0/subject").asText()).startsWith(subject);
  }

  @Test
  void anApiTriggerStartsRunsWithItsDataAndTheLifecycleMovesAsDocumented() {
    String id = unique("api-person");
    String cio = person(id);
    String subject = unique("Offer");
    long campaign =
        create(
            "{'name':'Offer','trigger':{'type':'api'},'entry':{'rule':'every_time'},"
                + "'nodes':[{'id':'offer','type':'send_email','settings':{'from':'a@acme.test',"
                + "'subject':'"
                + subject
                + " {{trigger.coupon}}','body':'x'}}]}");
    Answer draft =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':['" + id + "']}"));
    assertAppError(draft, 400, "is draft, not active");
    activate(campaign);

    Answer missing =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q("{'ids':['" + id + "','nobody-" + id + "']}"));
    assertAppError(missing, 400, "no person with nobody-" + id);

    Answer triggered =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q(
                    "{'per_user_data':[{'id':'"
                        + id
                        + "','data':{'coupon':'SPRING'}},"
                        + "{'id':'nobody-"
                        + id
                        + "'}],'id_ignore_missing':true}"));
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
    assertThat(triggered.json().path("id").asLong()).isPositive();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(m -> subjectOf(m).equals(subject + " SPRING")));
    assertThat(awaitCompletedRun(campaign).path("cio_id").asText()).isEqualTo(cio);

    // Customer.io's recipients form: every member of a segment.
    Answer segment =
        http()
            .post(
                "v1/segments", Http.app(), q("{'segment':{'name':'" + unique("audience") + "'}}"));
    assertThat(segment.status()).as(segment.body()).isEqualTo(200);
    long segmentId = segment.json().at("/segment/id").asLong();
    assertThat(
            http()
                .post(
                    "api/v1/segments/" + segmentId + "/add_customers",
                    Http.track(),
                    q("{'ids':['" + id + "']}"))
                .status())
        .isEqualTo(200);
    Answer toSegment =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q("{'recipients':{'segment':{'id':" + segmentId + "}},'data':{'coupon':'SEG'}}"));
    assertThat(toSegment.status()).as(toSegment.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(m -> subjectOf(m).equals(subject + " SEG")));
    assertAppError(
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q("{'recipients':{'segment':{'id':999999999}}}")),
        400,
        "segment 999999999 does not exist");

    assertThat(
            http()
                .post("v1/campaigns/" + campaign + "/pause", Http.app(), "")
                .json()
                .at("/campaign/state")
                .asText())
        .isEqualTo("stopped");
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/pause", Http.app(), ""),
        400,
        "cannot become paused");
    assertThat(
            http()
                .post("v1/campaigns/" + campaign + "/resume", Http.app(), "")
                .json()
                .at("/campaign/herald_state")
                .asText())
        .isEqualTo("active");

    // Editing an active journey makes a new version; the export is the document as given.
    String edited =
        "{'name':'Offer v2','trigger':{'type':'api'},'nodes':[{'id':'end','type':'exit'}]}";
    Answer put = http().put("v1/campaigns/" + campaign, Http.app(), q(edited));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().at("/campaign/version").asInt()).isEqualTo(2);
    Answer exported = http().get("v1/campaigns/" + campaign + "/definition", Http.app());
    assertThat(exported.json().path("name").asText()).isEqualTo("Offer v2");
    Answer imported = http().post("v1/campaigns", Http.app(), exported.body());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().at("/campaign/name").asText()).isEqualTo("Offer v2");

    assertThat(
            http()
                .post("v1/campaigns/" + campaign + "/archive", Http.app(), "")
                .json()
                .at("/campaign/state")
                .asText())
        .isEqualTo("archived");
    assertAppError(
        http().put("v1/campaigns/" + campaign, Http.app(), q(edited)), 400, "is archived");
    Answer listed = http().get("v1/campaigns", Http.app());
    assertThat(listed.json().path("campaigns").findValuesAsText("name")).contains("Offer v2");
  }

  @Test
  void refusedRequestsAnswerInTheAppApisShapeAndCreateNothing() {
    int before = http().get("v1/campaigns", Http.app()).json().path("campaigns").size();
    assertAppError(http().post("v1/campaigns", Http.app(), "{\"name\":"), 400, "malformed JSON");
    assertAppError(http().post("v1/campaigns", Http.app(), "[1]"), 400, "must be a JSON object");
    assertAppError(
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':5,'trigger':{'type':'event','event':'x'},'nodes':[{'id':'a',"
                        + "'type':'teleport'},{'id':'b','type':'delay','settings':{'duration':"
                        + "{'value':1,'unit':'days'}},'next':'zz'}]}")),
        400,
        "$.name: must be a string");
    Answer many =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'x','trigger':{'type':'event','event':'x'},'nodes':[{'id':'a',"
                        + "'type':'teleport'},{'id':'b','type':'delay','settings':{'duration':"
                        + "{'value':1,'unit':'days'}},'next':'zz'}]}"));
    assertAppError(many, 400, "$.nodes[0].type: unknown node type 'teleport'");
    assertAppError(many, 400, "$.nodes[1].next: no node has id 'zz' (dangling edge)");
    assertAppError(
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'x','trigger':{'type':'api'},'nodes':[{'id':'s','type':'send_email',"
                        + "'settings':{'channel':'sms','message_id':1}}]}")),
        400,
        "use send_message for 'sms'");
    byte[] big = new byte[AppLimits.OVERSIZE];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    Answer oversize =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                new String(big, java.nio.charset.StandardCharsets.US_ASCII));
    assertAppError(oversize, 413, "larger than");

    assertThat(http().get("v1/campaigns", null).status()).isEqualTo(401);
    assertThat(http().post("v1/campaigns", null, "{}").status()).isEqualTo(401);
    assertThat(
            http()
                .post("v1/campaigns/1/triggers", Http.bearer("wrong-key-0123456789"), "{}")
                .status())
        .isEqualTo(401);

    for (String path :
        List.of(
            "v1/campaigns/999999999",
            "v1/campaigns/abc",
            "v1/campaigns/0/actions",
            "v1/campaigns/999999999/metrics",
            "v1/campaigns/999999999/runs",
            "v1/campaigns/999999999/runs/1",
            "v1/customers/nobody-at-all-x/journeys")) {
      Answer answer = http().get(path, Http.app());
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(404);
      assertThat(answer.json().at("/meta/error").isTextual()).as(path).isTrue();
    }
    assertAppError(
        http().post("v1/campaigns/999999999/triggers", Http.app(), q("{'ids':['1']}")),
        404,
        "campaign 999999999 not found");
    assertAppError(
        http().post("v1/campaigns/999999999/activate", Http.app(), ""), 404, "not found");

    long campaign =
        create(
            "{'name':'Evented','trigger':{'type':'event','event':'e'},'nodes':[{'id':'x','type':'exit'}]}");
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':'1'}")),
        400,
        "ids: must be a non-empty array");
    assertAppError(
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q("{'ids':['1'],'emails':['a@b.c']}")),
        400,
        "exactly one of recipients, ids, emails, per_user_data");
    assertAppError(
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'data':[],'ids':['1']}")),
        400,
        "data: must be an object");
    activate(campaign);
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':['1']}")),
        400,
        "is not triggered by the API");
    assertAppError(
        http().get("v1/campaigns/" + campaign + "/runs?limit=0", Http.app()), 400, "limit");
    assertAppError(
        http().get("v1/campaigns/" + campaign + "/runs?state=lost", Http.app()), 400, "state");
    assertThat(http().get("v1/campaigns", Http.app()).json().path("campaigns").size())
        .isEqualTo(before + 1);
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  /** The request size limit of the campaign calls. */
  private static final class AppLimits {
    static final int OVERSIZE = 512 * 1024 + 10;
  }
}
