package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.SmtpSink;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Draft testing through the App API on the running node: a test send of a draft journey's email
 * step (inline, and a transactional message's rendered subject) arrives in GreenMail marked {@code
 * [TEST]} with no run; a simulation over HTTP; moving runs to a new version. Refused requests:
 * {@link JourneyDraftTestingRefusalsIT}.
 */
class JourneyDraftTestingIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHO_TOKEN = "echo-token-draft-testing-it";

  private static GreenMail smtp;

  private static SmtpSink sink;

  @BeforeAll
  static void startSmtp() {
    sink = SmtpSink.start("draft-smtp", "draft-smtp-password");
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
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                q("{'email':'" + id + "@example.com','first_name':'Ada'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private long create(String document) {
    Answer created = http().post("v1/campaigns", Http.app(), q(document));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().at("/campaign/id").asLong();
  }

  private List<MimeMessage> received(String subject) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subjectOf(m).equals(subject))
        .toList();
  }

  @Test
  void aTestSendOfADraftsStepArrivesMarkedAndRecordsNoRun() throws Exception {
    String id = unique("draft-person");
    person(id);
    String subject = unique("Welcome");
    Answer message =
        http()
            .post(
                "v1/transactional",
                Http.app(),
                q(
                    "{'name':'"
                        + unique("receipt")
                        + "','subject':'"
                        + subject
                        + " receipt for {{customer.first_name}}','body':'<p>r</p>',"
                        + "'from':'a@acme.test'}"));
    assertThat(message.status()).as(message.body()).isEqualTo(201);
    long messageId = message.json().at("/message/id").asLong();
    long campaign =
        create(
            "{'name':'Draft','trigger':{'type':'api'},'nodes':[{'id':'hello','type':'send_email',"
                + "'settings':{'from':'Acme <hello@acme.test>','subject':'"
                + subject
                + " {{trigger.plan}}','body':'<p>Hi</p>'},'next':'receipt'},"
                + "{'id':'receipt','type':'send_email','settings':{'message_id':"
                + messageId
                + "}}]}");

    Answer sent =
        http()
            .post(
                "v1/campaigns/" + campaign + "/nodes/hello/test_send",
                Http.app(),
                q("{'identifiers':{'id':'" + id + "'},'data':{'plan':'gold'}}"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("test").asBoolean()).isTrue();
    String delivery = sent.json().path("delivery_id").asText();
    Answer receipt =
        http()
            .post(
                "v1/campaigns/" + campaign + "/nodes/receipt/test_send",
                Http.app(),
                q("{'identifiers':{'email':'" + id + "@example.com'}}"));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);

    await().atMost(PATIENCE).until(() -> received("[TEST] " + subject + " gold").size() == 1);
    await()
        .atMost(PATIENCE)
        .until(() -> received("[TEST] " + subject + " receipt for Ada").size() == 1);
    MimeMessage mail = received("[TEST] " + subject + " gold").get(0);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(id + "@example.com");
    assertThat(
            http()
                .get("v1/messages/" + delivery, Http.app())
                .json()
                .at("/message/subject")
                .asText())
        .isEqualTo("[TEST] " + subject + " gold");
    assertThat(http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs"))
        .isEmpty();
  }

  /** Saves the channel's recording echo as its default; its callback URL (aimed at the node). */
  private String echo(String channel) {
    Answer saved =
        http()
            .put(
                "v1/channel_settings/echo-" + channel,
                Http.app(),
                q(
                    "{'channel':'"
                        + channel
                        + "','provider':'test-echo-"
                        + channel
                        + "','default':true,'settings':{'prefix':'"
                        + channel
                        + "-','token':'"
                        + ECHO_TOKEN
                        + "'}}"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    return saved
        .json()
        .at("/channel_setting/callback_url")
        .asText()
        .replace("http://localhost:8080/", base.toString());
  }

  /** What the echo provider was given for the delivery. */
  private static JsonNode echoed(String callback, String delivery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(callback + "/sent"))
            .header("X-Echo-Token", ECHO_TOKEN)
            .GET()
            .build();
    HttpResponse<String> list =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    for (JsonNode m : JSON.readTree(list.body()).path("messages")) {
      if (m.path("idempotency_key").asText().equals(delivery)) {
        return m;
      }
    }
    throw new AssertionError("the echo got no message for " + delivery + ": " + list.body());
  }

  @Test
  void aTestSendOfSmsAndPushStepsMarksTheBodyAndTheTitle() throws Exception {
    String run = unique("ch");
    String smsCallback = echo("sms");
    String pushCallback = echo("push");
    String id = "draft-channels-" + run;
    String phone = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    String token = "DRAFT-TOKEN-" + run;
    Answer person =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                q("{'email':'" + id + "@example.com','phone':'" + phone + "','first_name':'Ada'}"));
    assertThat(person.status()).as(person.body()).isEqualTo(200);
    Answer device =
        http()
            .put(
                "api/v1/customers/" + id + "/devices",
                Http.track(),
                q("{'device':{'id':'" + token + "','platform':'ios','last_used':1700000000}}"));
    assertThat(device.status()).as(device.body()).isEqualTo(200);
    long sms =
        message(
            "{'name':'SMS " + run + "','channel':'sms','body':'SMS for {{customer.first_name}}'}");
    long push =
        message(
            "{'name':'Push "
                + run
                + "','channel':'push','title':'Hello','message':'Push for {{customer.first_name}}'}");
    long campaign =
        create(
            "{'name':'Channels','trigger':{'type':'api'},'nodes':["
                + "{'id':'text','type':'send_message','settings':{'channel':'sms','message_id':"
                + sms
                + "},'next':'buzz'},"
                + "{'id':'buzz','type':'send_message','settings':{'channel':'push','message_id':"
                + push
                + "}}]}");

    String who = q("{'identifiers':{'id':'" + id + "'}}");
    Answer text =
        http().post("v1/campaigns/" + campaign + "/nodes/text/test_send", Http.app(), who);
    assertThat(text.status()).as(text.body()).isEqualTo(200);
    Answer buzz =
        http().post("v1/campaigns/" + campaign + "/nodes/buzz/test_send", Http.app(), who);
    assertThat(buzz.status()).as(buzz.body()).isEqualTo(200);

    String textDelivery = text.json().path("delivery_id").asText();
    String buzzDelivery = buzz.json().path("delivery_id").asText();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(echoed(smsCallback, textDelivery).path("body").asText())
                    .isEqualTo("[TEST] SMS for Ada"));
    JsonNode pushed = echoed(pushCallback, buzzDelivery);
    assertThat(pushed.path("subject").asText()).isEqualTo("[TEST] Hello");
    assertThat(pushed.path("body").asText()).isEqualTo("Push for Ada");
    assertThat(pushed.path("recipient").asText()).isEqualTo(token);
  }

  private long message(String body) {
    Answer created = http().post("v1/transactional", Http.app(), q(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/message/id").asLong();
  }

  @Test
  void aSimulationOverHttpReturnsThePathWithVirtualTimes() {
    String id = unique("sim-person");
    person(id);
    long campaign =
        create(
            "{'name':'Cart','trigger':{'type':'api'},'nodes':["
                + "{'id':'w','type':'wait_until','settings':{'event':{'name':'purchased'},"
                + "'timeout':{'value':2,'unit':'days'}},'next':{'met':'thanks','timeout':'remind'}},"
                + "{'id':'thanks','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Thanks','body':'b'}},"
                + "{'id':'remind','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Still thinking?','body':'b'}}]}");

    Answer met =
        http()
            .post(
                "v1/campaigns/" + campaign + "/simulate",
                Http.app(),
                q(
                    "{'identifiers':{'id':'"
                        + id
                        + "'},'events':[{'name':'purchased','data':{},'at_offset':'PT5H'}],"
                        + "'horizon':'P30D'}"));
    assertThat(met.status()).as(met.body()).isEqualTo(200);
    JsonNode sim = met.json().path("simulation");
    assertThat(sim.path("end").asText()).isEqualTo("completed");
    assertThat(sim.path("version").asInt()).isEqualTo(1);
    assertThat(sim.path("steps").findValuesAsText("outcome"))
        .containsExactly("entered", "waiting", "met", "sent", "completed");
    assertThat(sim.path("steps").findValuesAsText("offset"))
        .containsExactly("PT0S", "PT0S", "PT5H", "PT5H", "PT5H");
    assertThat(sim.at("/steps/2/edge").asText()).isEqualTo("met");
    assertThat(sim.at("/steps/3/detail").asText()).isEqualTo("would send email \"Thanks\"");

    Answer timeout =
        http()
            .post(
                "v1/campaigns/" + campaign + "/simulate",
                Http.app(),
                q("{'identifiers':{'id':'" + id + "'}}"));
    assertThat(timeout.status()).as(timeout.body()).isEqualTo(200);
    assertThat(timeout.json().at("/simulation/steps/2/outcome").asText()).isEqualTo("timeout");
    assertThat(timeout.json().at("/simulation/steps/2/offset").asText()).isEqualTo("PT48H");
    assertThat(timeout.json().at("/simulation/steps/3/detail").asText())
        .isEqualTo("would send email \"Still thinking?\"");
    assertThat(http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs"))
        .isEmpty();
  }

  @Test
  void movingRunsPutsAWaitingRunOnTheNewVersion() {
    String id = unique("move-person");
    person(id);
    String v1 =
        "{'name':'Move','trigger':{'type':'api'},'nodes':[{'id':'w','type':'delay',"
            + "'settings':{'duration':{'value':30,'unit':'days'}},'next':'e'},"
            + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'%s',"
            + "'body':'b'}}]}";
    long campaign = create(String.format(v1, "One"));
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/runs/move", Http.app(), ""), 400, "is draft");
    assertThat(http().post("v1/campaigns/" + campaign + "/activate", Http.app(), "").status())
        .isEqualTo(200);
    Answer triggered =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':['" + id + "']}"));
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/campaigns/" + campaign + "/runs?state=active", Http.app())
                            .json()
                            .at("/runs/0/node")
                            .asText())
                    .isEqualTo("w"));

    Answer put =
        http()
            .put(
                "v1/campaigns/" + campaign + "?move_runs=true",
                Http.app(),
                q(String.format(v1, "Two")));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().at("/campaign/version").asInt()).isEqualTo(2);
    assertThat(put.json().at("/moved_runs/moved").asLong()).isEqualTo(1);
    assertThat(put.json().at("/moved_runs/exited").asLong()).isZero();
    JsonNode run =
        http()
            .get("v1/campaigns/" + campaign + "/runs?state=active", Http.app())
            .json()
            .at("/runs/0");
    assertThat(run.path("version").asInt()).isEqualTo(2);
    assertThat(run.path("node").asText()).isEqualTo("w");

    Answer again = http().post("v1/campaigns/" + campaign + "/runs/move", Http.app(), "");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().at("/moved_runs/moved").asLong()).isZero();
    assertAppError(
        http().put("v1/campaigns/" + campaign + "?move_runs=yes", Http.app(), q(v1)),
        400,
        "move_runs must be true or false");
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
