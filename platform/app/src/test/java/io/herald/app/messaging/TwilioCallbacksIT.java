package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The {@code sms-twilio} plugin behind the host's callback URL, from the real plugin zip: Twilio's
 * form-encoded webhooks reach the plugin byte for byte (its signature check covers every
 * parameter), with the URL the host passes ({@code herald.public-url} + path), and its TwiML
 * answers go back as they are. What the host does with the events is the messaging module's and is
 * not checked here.
 */
class TwilioCallbacksIT extends ContainerTest {

  private static final String TOKEN = "it-twilio-auth-token-0123456789";
  private static final String HELP = "Acme alerts: msg & data rates may apply. Reply STOP to stop.";

  @Test
  void signedWebhooksAreAnsweredWithTwimlAndForgedOnesRefused() throws Exception {
    String setting =
        "{\"channel\":\"sms\",\"provider\":\"sms-twilio\",\"default\":false,\"settings\":{"
            + "\"account_sid\":\"AC0123456789abcdef0123456789abcdef\","
            + "\"auth_token\":\""
            + TOKEN
            + "\",\"from_number\":\"+14155552345\",\"base_url\":\"http://127.0.0.1:9\","
            + "\"help_text\":\""
            + HELP
            + "\"}}";
    Answer saved = http().put("v1/channel_settings/zz-twilio-it", Http.app(), setting);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain(TOKEN);
    try {
      String callbackUrl = saved.json().at("/channel_setting/callback_url").asText();
      exchange(callbackUrl);
    } finally {
      http().delete("v1/channel_settings/zz-twilio-it", Http.app());
    }
  }

  private void exchange(String callbackUrl) throws Exception {
    String inbound = callbackUrl + "/inbound";

    HttpResponse<String> help = post(inbound, inbound("HELP"), TOKEN);
    assertThat(help.statusCode()).as(help.body()).isEqualTo(200);
    assertThat(help.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(help.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + "Acme alerts: msg &amp; data rates may apply. Reply STOP to stop."
                + "</Message></Response>");

    HttpResponse<String> stop = post(inbound, inbound("STOP"), TOKEN);
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(stop.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");

    Map<String, String> status = new LinkedHashMap<>();
    status.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    status.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
    status.put("MessageStatus", "undelivered");
    status.put("ErrorCode", "30003");
    status.put("To", "+15557122661");
    HttpResponse<String> report = post(callbackUrl + "/status", status, TOKEN);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);

    HttpResponse<String> forged = post(inbound, inbound("STOP"), "not-the-auth-token-000");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-Twilio-Signature does not match");

    // Signed for the setting's URL itself, posted below it: the URL differs, so it is refused.
    Map<String, String> params = inbound("hello");
    HttpResponse<String> moved = send(inbound, params, sign(TOKEN, callbackUrl, params));
    assertThat(moved.statusCode()).isEqualTo(403);
  }

  private static Map<String, String> inbound(String body) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", "SMfedcba9876543210fedcba9876543210");
    p.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    p.put("From", "+15557122661");
    p.put("To", "+14155552345");
    p.put("Body", body);
    p.put("NumMedia", "0");
    return p;
  }

  /** Posts the form to the node, signed as Twilio signs it for {@code url}. */
  private HttpResponse<String> post(String url, Map<String, String> params, String token)
      throws Exception {
    return send(url, params, sign(token, url, params));
  }

  private HttpResponse<String> send(String url, Map<String, String> params, String signature)
      throws Exception {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (k, v) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.replace("http://localhost:8080/", base.toString())))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("X-Twilio-Signature", signature)
            .header("User-Agent", "TwilioProxy/1.1")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Base64(HMAC-SHA1(token, url + names and values sorted by name)). */
  private static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
