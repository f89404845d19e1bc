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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts through the App API on the running node: a broadcast of an API-triggered journey to a
 * manual segment sends each member the email through the workspace's SMTP channel (a GreenMail
 * server) and reports its progress; a scheduled one is cancelled; an API trigger's status reads in
 * Customer.io's shape; refused requests answer in the App API's error shape.
 */
class BroadcastsIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static GreenMail smtp;

  private static SmtpSink sink;

  @BeforeAll
  static void startSmtp() {
    sink = SmtpSink.start("broadcasts-smtp", "broadcasts-smtp-password");
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

  private void person(String id) {
    Answer put =
        http().put("api/v1/customers/" + id, Http.track(), q("{'email':'" + id + "@example.com'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private long segmentOf(List<String> ids) {
    Answer segment =
        http().post("v1/segments", Http.app(), q("{'segment':{'name':'" + unique("list") + "'}}"));
    assertThat(segment.status()).as(segment.body()).isEqualTo(200);
    long id = segment.json().at("/segment/id").asLong();
    Answer added =
        http()
            .post(
                "api/v1/segments/" + id + "/add_customers",
                Http.track(),
                q("{'ids':['" + String.join("','", ids) + "']}"));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    return id;
  }

  private long activeJourney(String trigger, String subject) {
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'"
                        + unique("Broadcast")
                        + "','trigger':"
                        + trigger
                        + ",'nodes':[{'id':'news','type':'send_email','settings':{"
                        + "'from':'News <news@acme.test>','subject':'"
                        + subject
                        + " {{trigger.issue}}','body':'<p>Hi</p>'}}]}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/campaign/id").asLong();
    Answer active = http().post("v1/campaigns/" + id + "/activate", Http.app(), "");
    assertThat(active.status()).as(active.body()).isEqualTo(200);
    return id;
  }

  private long mailsWithSubject(String subject) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subjectOf(m).equals(subject))
        .count();
  }

  @Test
  void aBroadcastToASegmentEmailsEachMemberOnceAndReportsProgress() {
    List<String> ids = List.of(unique("b1"), unique("b2"), unique("b3"));
    ids.forEach(this::person);
    long segment = segmentOf(ids);
    String subject = unique("Newsletter");
    long campaign = activeJourney("{'type':'api'}", subject);

    Answer scheduled =
        http()
            .post(
                "v1/campaigns/" + campaign + "/broadcasts",
                Http.app(),
                q("{'segment_id':" + segment + ",'data':{'issue':'December'},'per_minute':100}"));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    long broadcast = scheduled.json().at("/broadcast/id").asLong();
    assertThat(scheduled.json().at("/broadcast/campaign_id").asLong()).isEqualTo(campaign);
    assertThat(scheduled.json().at("/broadcast/per_minute").asInt()).isEqualTo(100);

    await().atMost(PATIENCE).until(() -> mailsWithSubject(subject + " December") == ids.size());
    String path = "v1/campaigns/" + campaign + "/broadcasts/" + broadcast;
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode b = http().get(path, Http.app()).json().path("broadcast");
              assertThat(b.path("state").asText()).isEqualTo("sent");
              assertThat(b.path("sent").asLong()).isEqualTo(3);
            });
    JsonNode b = http().get(path, Http.app()).json().path("broadcast");
    assertThat(b.path("audience").asLong()).isEqualTo(3);
    assertThat(b.path("audience_complete").asBoolean()).isTrue();
    assertThat(b.path("entered").asLong()).isEqualTo(3);
    assertThat(b.path("queued").asLong()).isZero();
    assertThat(b.path("failed").asLong()).isZero();
    assertThat(b.path("finished").isNumber()).isTrue();
    List<String> recipients =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> subjectOf(m).equals(subject + " December"))
            .map(BroadcastsIT::recipient)
            .sorted()
            .toList();
    assertThat(recipients)
        .containsExactlyElementsOf(ids.stream().map(i -> i + "@example.com").sorted().toList());

    Answer list = http().get("v1/campaigns/" + campaign + "/broadcasts", Http.app());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().at("/broadcasts/0/id").asLong()).isEqualTo(broadcast);
    assertThat(http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs"))
        .hasSize(3);
  }

  @Test
  void aScheduledBroadcastWaitsAndCanBeCancelled() {
    String id = unique("later");
    person(id);
    long segment = segmentOf(List.of(id));
    long campaign = activeJourney("{'type':'api'}", unique("Later"));
    long tomorrow = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();

    Answer scheduled =
        http()
            .post(
                "v1/campaigns/" + campaign + "/broadcasts",
                Http.app(),
                q("{'segment_id':" + segment + ",'send_at':" + tomorrow + "}"));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().at("/broadcast/state").asText()).isEqualTo("scheduled");
    assertThat(scheduled.json().at("/broadcast/send_at").asLong()).isEqualTo(tomorrow);
    long broadcast = scheduled.json().at("/broadcast/id").asLong();
    String path = "v1/campaigns/" + campaign + "/broadcasts/" + broadcast;

    Answer cancelled = http().post(path + "/cancel", Http.app(), "");
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().at("/broadcast/state").asText()).isEqualTo("cancelled");
    assertThat(cancelled.json().at("/broadcast/entered").asLong()).isZero();
    assertAppError(http().post(path + "/cancel", Http.app(), ""), 400, "is cancelled");

    Answer local =
        http()
            .post(
                "v1/campaigns/" + campaign + "/broadcasts",
                Http.app(),
                q("{'segment_id':" + segment + ",'local_time':'2099-01-01T09:00'}"));
    assertThat(local.status()).as(local.body()).isEqualTo(200);
    assertThat(local.json().at("/broadcast/local_time").asText()).isEqualTo("2099-01-01T09:00");
    assertThat(local.json().at("/broadcast/state").asText()).isEqualTo("scheduled");
    assertThat(
            http()
                .post(
                    "v1/campaigns/"
                        + campaign
                        + "/broadcasts/"
                        + local.json().at("/broadcast/id").asLong()
                        + "/cancel",
                    Http.app(),
                    "")
                .status())
        .isEqualTo(200);
  }

  @Test
  void anApiTriggersStatusReadsInCustomerIosShape() {
    String id = unique("trig");
    person(id);
    long campaign = activeJourney("{'type':'api'}", unique("Triggered"));
    Answer trigger =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers",
                Http.app(),
                q("{'ids':['" + id + "'],'data':{'issue':'T'}}"));
    assertThat(trigger.status()).as(trigger.body()).isEqualTo(200);
    long triggerId = trigger.json().path("id").asLong();

    Answer status = http().get("v1/campaigns/" + campaign + "/triggers/" + triggerId, Http.app());
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().path("id").asLong()).isEqualTo(triggerId);
    assertThat(status.json().path("broadcast_id").asLong()).isEqualTo(campaign);
    assertThat(status.json().path("created_at").asLong()).isPositive();
    assertThat(status.json().path("processed_at").asLong())
        .isEqualTo(status.json().path("created_at").asLong());
    assertThat(status.json().path("entered").asLong()).isEqualTo(1);

    assertAppError(
        http().get("v1/campaigns/" + campaign + "/triggers/999999999", Http.app()),
        404,
        "trigger 999999999 not found");
    assertAppError(
        http().get("v1/campaigns/" + campaign + "/triggers/abc", Http.app()), 404, "not found");
    assertAppError(
        http().get("v1/campaigns/999999999/triggers/" + triggerId, Http.app()),
        404,
        "campaign 999999999 not found");
    assertThat(http().get("v1/campaigns/" + campaign + "/triggers/" + triggerId, null).status())
        .isEqualTo(401);
  }

  @Test
  void refusedRequestsAnswerInTheAppApiErrorShape() {
    String id = unique("refused");
    person(id);
    long segment = segmentOf(List.of(id));
    long campaign = activeJourney("{'type':'api'}", unique("Refused"));
    String url = "v1/campaigns/" + campaign + "/broadcasts";

    assertAppError(http().post(url, Http.app(), "{\"segment_id\":"), 400, "malformed JSON");
    assertAppError(http().post(url, Http.app(), "[1]"), 400, "must be a JSON object");
    assertAppError(http().post(url, Http.app(), "{}"), 400, "segment_id: required");
    Answer types =
        http()
            .post(
                url,
                Http.app(),
                q(
                    "{'segment_id':'x','data':[],'send_at':'soon','local_time':5,"
                        + "'per_minute':0,'colour':'red'}"));
    assertAppError(types, 400, "segment_id: must be a positive whole number");
    assertAppError(types, 400, "data: must be an object");
    assertAppError(types, 400, "send_at: must be a whole number");
    assertAppError(types, 400, "local_time: must be a local date and time");
    assertAppError(types, 400, "per_minute: must be a whole number from 1");
    assertAppError(types, 400, "colour: unknown field");
    assertAppError(
        http()
            .post(
                url,
                Http.app(),
                q(
                    "{'segment_id':"
                        + segment
                        + ",'send_at':1900000000,'local_time':'2030-01-01T09:00'}")),
        400,
        "send_at and local_time");
    assertAppError(
        http().post(url, Http.app(), q("{'segment_id':999999999}")),
        400,
        "segment_id: segment 999999999 does not exist");

    long byEvent = activeJourney("{'type':'event','event':'" + unique("ev") + "'}", "E");
    assertAppError(
        http()
            .post(
                "v1/campaigns/" + byEvent + "/broadcasts",
                Http.app(),
                q("{'segment_id':" + segment + "}")),
        400,
        "not triggered by the API");

    byte[] big = new byte[512 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    assertAppError(
        http().post(url, Http.app(), new String(big, StandardCharsets.US_ASCII)),
        413,
        "larger than");

    assertThat(http().post(url, null, "{}").status()).isEqualTo(401);
    assertThat(http().get(url, null).status()).isEqualTo(401);
    assertThat(http().post(url, Http.bearer("wrong-key-0123456789"), "{}").status()).isEqualTo(401);

    assertAppError(
        http().post("v1/campaigns/999999999/broadcasts", Http.app(), q("{'segment_id':1}")),
        404,
        "campaign 999999999 not found");
    assertAppError(http().get("v1/campaigns/abc/broadcasts", Http.app()), 404, "not found");
    assertAppError(http().get(url + "/999999999", Http.app()), 404, "broadcast 999999999");
    assertAppError(http().get(url + "/x", Http.app()), 404, "broadcast x not found");
    assertAppError(
        http().post(url + "/999999999/cancel", Http.app(), ""), 404, "broadcast 999999999");
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
