package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests and fixtures of {@link TransactionalEmailIT}: stored content through the App API
 * (snippets, layouts), provider reports (a DSN, an ARF report) posted to a callback URL, and reads
 * of received mail.
 */
final class TransactionalCalls {

  private final Http http;

  TransactionalCalls(Http http) {
    this.http = http;
  }

  /** Identifies a person through the Track API. */
  void identify(String id, String attributes) {
    Answer answer = http.put("api/v1/customers/" + id, Http.track(), attributes);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  long createMessage(String json) {
    Answer created = http.post("v1/transactional", Http.app(), json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/message/id").asLong();
  }

  String send(String json) {
    Answer sent = http.post("v1/send/email", Http.app(), json);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("queued_at").asLong()).isPositive();
    return sent.json().path("delivery_id").asText();
  }

  /** {@code POST /v1/send/email/batch}, expected to answer 200; its {@code results}. */
  JsonNode sendBatch(String json) {
    Answer sent = http.post("v1/send/email/batch", Http.app(), json);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    return sent.json().path("results");
  }

  /** {@code POST /v1/send/email/batch} with {@code count} copies of {@code entry}. */
  Answer sendBatchOf(int count, String entry) {
    StringBuilder body = new StringBuilder("{\"messages\":[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",").append(entry);
    }
    return http.post("v1/send/email/batch", Http.app(), body.append("]}").toString());
  }

  JsonNode message(String deliveryId) {
    Answer answer = http.get("v1/messages/" + deliveryId, Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("message");
  }

  JsonNode awaitState(String deliveryId, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(message(deliveryId).path("state").asText()).isEqualTo(state));
    return message(deliveryId);
  }

  /** JSON written with single quotes for readability. */
  static String q(String text) {
    return text.replace('\'', '"');
  }

  /** {@code PUT /v1/snippets}, expected to succeed. */
  void snippet(String name, String value) {
    Answer put =
        http.put(
            "v1/snippets",
            Http.app(),
            "{\"name\":" + json(name) + ",\"value\":" + json(value) + "}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  /** {@code POST /v1/layouts}, expected to succeed; the new layout's id. */
  long layout(String name, String html) {
    Answer created =
        http.post(
            "v1/layouts", Http.app(), "{\"name\":" + json(name) + ",\"html\":" + json(html) + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/layout/id").asLong();
  }

  /** {@code PUT /v1/layouts/{id}}. */
  Answer updateLayout(long id, String name, String html) {
    return http.put(
        "v1/layouts/" + id,
        Http.app(),
        "{\"name\":" + json(name) + ",\"html\":" + json(html) + "}");
  }

  /** A JSON string literal. */
  static String json(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static HttpResponse<String> postReport(
      HttpClient client, String url, String secret, String report) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "message/rfc822")
            .header("X-Herald-Callback-Secret", secret)
            .POST(HttpRequest.BodyPublishers.ofString(report, StandardCharsets.UTF_8))
            .build(),
        BodyHandlers.ofString());
  }

  /** A Postfix-style RFC 3464 hard bounce of {@code messageId}. */
  static String dsn(String recipient, String messageId) {
    return dsn(recipient, messageId, "failed", "5.1.1");
  }

  /** A Postfix-style RFC 3464 report about {@code messageId} with that action and status. */
  static String dsn(String recipient, String messageId, String action, String status) {
    return String.join(
        "\r\n",
        "From: MAILER-DAEMON@mx.herald.test (Mail Delivery System)",
        "To: bounces@herald.test",
        "Subject: Undelivered Mail Returned to Sender",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn-b\"",
        "",
        "--dsn-b",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "Your message could not be delivered.",
        "",
        "--dsn-b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.herald.test",
        "",
        "Final-Recipient: rfc822; " + recipient,
        "Action: " + action,
        "Status: " + status,
        "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected:",
        " User unknown",
        "",
        "--dsn-b",
        "Content-Type: text/rfc822-headers",
        "",
        "From: Herald <noreply@herald.test>",
        "To: " + recipient,
        "Message-ID: " + messageId,
        "Subject: S",
        "",
        "--dsn-b--",
        "");
  }

  /** A Yahoo-style RFC 5965 abuse report about {@code messageId}. */
  static String arf(String recipient, String messageId) {
    return String.join(
        "\r\n",
        "From: feedback@arf.mail.yahoo.test",
        "To: fbl@herald.test",
        "Subject: FW: S",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf-b\"",
        "",
        "--arf-b",
        "Content-Type: text/plain",
        "",
        "This is an email abuse report.",
        "",
        "--arf-b",
        "Content-Type: message/feedback-report",
        "",
        "Feedback-Type: abuse",
        "User-Agent: Yahoo!-Mail-Feedback/2.0",
        "Version: 1",
        "Original-Rcpt-To: " + recipient,
        "",
        "--arf-b",
        "Content-Type: message/rfc822",
        "",
        "From: Herald <noreply@herald.test>",
        "To: " + recipient,
        "Message-ID: " + messageId,
        "Subject: S",
        "",
        "B",
        "",
        "--arf-b--",
        "");
  }

  static String find(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1);
  }

  /** Every part's content type, file name and text, depth first. */
  static List<String> parts(jakarta.mail.Part part) throws Exception {
    List<String> out = new ArrayList<>();
    out.add(part.getContentType());
    if (part.getFileName() != null) {
      out.add(part.getFileName());
    }
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        out.addAll(parts(child));
      }
    } else if (content instanceof String text) {
      out.add(text);
    } else {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      part.getDataHandler().writeTo(bytes);
      out.add(bytes.size() + " bytes");
    }
    return out;
  }
}
