package io.herald.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-channel example (#7): one run of one journey sends the same person an email (SMTP, a
 * GreenMail server), then an SMS and a push (the recording echo providers of {@code
 * channel-test-echo}, which show exactly what a plugin was given), then an in-app message (Herald's
 * own in-app queue), each step a keyed send whose delivery the run's step log names.
 */
class MultiChannelJourneyIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHO_TOKEN = "echo-token-multi-channel-it";

  private static GreenMail smtp;

  @BeforeAll
  static void startSmtp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smtp.setUser("noreply@herald.test", "multi-smtp", "multi-smtp-password");
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private Answer put(String path, String body) {
    Answer answer = http().put(path, Http.app(), q(body));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private long createMessage(String body) {
    Answer created = http().post("v1/transactional", Http.app(), q(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/message/id").asLong();
  }

  @Test
  void oneRunSendsEmailThenSmsThenPushThenAnInAppMessage() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Email through SMTP; SMS and push through recording echoes; in-app through Herald's own
    // provider (no in_app setting: the host provider serves the channel).
    put(
        "v1/channel_settings/smtp",
        "{'channel':'email','provider':'email-smtp','default':true,'settings':{'host':'127.0.0.1',"
            + "'port':'"
            + smtp.getSmtp().getPort()
            + "','security':'none','username':'multi-smtp','password':'multi-smtp-password',"
            + "'default_from':'Herald <noreply@herald.test>'}}");
    String smsCallback = echo("sms");
    String pushCallback = echo("push");
    http().delete("v1/channel_settings/echo-in-app", Http.app());

    String id = "multi-" + run;
    String phone = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    String token = "MULTI-TOKEN-" + run;
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
        createMessage(
            "{'name':'SMS " + run + "','channel':'sms','body':'SMS for {{customer.first_name}}'}");
    long push =
        createMessage(
            "{'name':'Push "
                + run
                + "','channel':'push','title':'Hello','message':'Push for {{customer.first_name}}'}");
    long inApp =
        createMessage(
            "{'name':'In-app "
                + run
                + "','channel':'in_app','title':'Welcome','message':'In-app for"
                + " {{customer.first_name}}','type':'modal'}");

    JourneyCalls journeys = new JourneyCalls(http());
    long campaign =
        journeys.createActive(
            q(
                "{'name':'Multi-channel "
                    + run
                    + "','trigger':{'type':'api'},'nodes':["
                    + "{'id':'mail','type':'send_email','settings':{'from':'a@acme.test',"
                    + "'subject':'Email for {{customer.first_name}} "
                    + run
                    + "','body':'<p>Hi</p>'},'next':'text'},"
                    + "{'id':'text','type':'send_message','settings':{'channel':'sms',"
                    + "'message_id':"
                    + sms
                    + "},'next':'buzz'},"
                    + "{'id':'buzz','type':'send_message','settings':{'channel':'push',"
                    + "'message_id':"
                    + push
                    + "},'next':'banner'},"
                    + "{'id':'banner','type':'send_message','settings':{'channel':'in_app',"
                    + "'message_id':"
                    + inApp
                    + "}}]}"));
    journeys.trigger(campaign, q("{'ids':['" + id + "']}"));
    JsonNode steps = journeys.completedRunSteps(campaign, PATIENCE);
    List<String> sent = new ArrayList<>();
    List<String> deliveries = new ArrayList<>();
    for (JsonNode step : steps) {
      if (step.path("outcome").asText().equals("sent")) {
        sent.add(step.path("node").asText());
        deliveries.add(step.path("detail").asText());
      }
    }
    assertThat(sent).as(steps.toString()).containsExactly("mail", "text", "buzz", "banner");

    // Each delivery is of its channel and goes out; the providers got what the person needs.
    List<String> types = new ArrayList<>();
    for (String delivery : deliveries) {
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(delivery(delivery).path("state").asText()).isIn("sent", "delivered"));
      types.add(delivery(delivery).path("type").asText());
    }
    assertThat(types).containsExactly("email", "sms", "push", "in_app");

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(m -> subject(m).equals("Email for Ada " + run)));
    JsonNode text = echoed(smsCallback, deliveries.get(1));
    assertThat(text.path("recipient").asText()).isEqualTo(phone);
    assertThat(text.path("body").asText()).isEqualTo("SMS for Ada");
    JsonNode buzz = echoed(pushCallback, deliveries.get(2));
    assertThat(buzz.path("recipient").asText()).isEqualTo(token);
    assertThat(buzz.path("subject").asText()).isEqualTo("Hello");
    assertThat(buzz.path("body").asText()).isEqualTo("Push for Ada");
    assertThat(inAppMessage(deliveries.get(3))).contains("In-app for Ada");
  }

  /** Saves the channel's recording echo as its default; its callback URL (aimed at the node). */
  private String echo(String channel) {
    Answer saved =
        put(
            "v1/channel_settings/echo-" + channel,
            "{'channel':'"
                + channel
                + "','provider':'test-echo-"
                + channel
                + "','default':true,'settings':{'prefix':'"
                + channel
                + "-','token':'"
                + ECHO_TOKEN
                + "'}}");
    return saved
        .json()
        .at("/channel_setting/callback_url")
        .asText()
        .replace("http://localhost:8080/", base.toString());
  }

  private JsonNode delivery(String delivery) {
    Answer read = http().get("v1/messages/" + delivery, Http.app());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json().path("message");
  }

  /** What the echo provider was given for the delivery. */
  private JsonNode echoed(String callback, String delivery) throws Exception {
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

  private static String inAppMessage(String delivery) throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT content FROM inapp_message WHERE delivery_id = ?")) {
      q.setString(1, delivery);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("an in-app message for " + delivery).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }
}
