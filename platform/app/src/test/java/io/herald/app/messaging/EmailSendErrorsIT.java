package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/send/email} refuses bad requests as Customer.io does: {@code {"meta":{"error"}}}
 * naming every bad field (malformed JSON, wrong types, missing auth, oversize bodies, unknown ids).
 */
class EmailSendErrorsIT extends EmailContainerTest {

  @Test
  void badRequestsGetCustomerIoErrorsNamingTheField() {
    Answer malformed = http().post("v1/send/email", Http.app(), "{\"identifiers\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).contains("malformed JSON");

    Answer wrongType =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"identifiers\":\"42\",\"from\":\"a@b.c\",\"subject\":1,\"body\":\"x\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/meta/error").asText())
        .contains("identifiers must be an object")
        .contains("subject must be a string");

    Answer noTemplate =
        http().post("v1/send/email", Http.app(), "{\"identifiers\":{\"id\":\"1\"}}");
    assertThat(noTemplate.status()).isEqualTo(400);
    assertThat(noTemplate.json().at("/meta/error").asText())
        .contains("from is required")
        .contains("body is required");

    Answer unknown =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"1\"}}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/meta/error").asText())
        .isEqualTo("transactional message 987654321 not found");

    Answer badAttachment =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"from\":\"a@b.c\",\"subject\":\"s\","
                    + "\"body\":\"b\",\"attachments\":{\"a.pdf\":\"***\"}}");
    assertThat(badAttachment.status()).isEqualTo(400);
    assertThat(badAttachment.json().at("/meta/error").asText())
        .isEqualTo("attachments.a.pdf must be base64");

    Answer noAuth = http().post("v1/send/email", null, "{}");
    assertThat(noAuth.status()).isEqualTo(401);

    byte[] big = new byte[2048 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    Answer oversize =
        http().post("v1/send/email", Http.app(), new String(big, StandardCharsets.US_ASCII));
    assertThat(oversize.status()).isEqualTo(413);

    assertThat(http().get("v1/messages/nope", Http.app()).status()).isEqualTo(404);
    assertThat(
            http()
                .get("v1/customers/nobody-" + UUID.randomUUID() + "/messages", Http.app())
                .status())
        .isEqualTo(404);
    Answer badProvider =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"no-such-plugin\",\"settings\":{}}");
    assertThat(badProvider.status()).isEqualTo(400);
    assertThat(badProvider.json().at("/meta/error").asText())
        .contains("provider no-such-plugin is not a started channel plugin");
    Answer badSetting =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"port\":\"x\"}}");
    assertThat(badSetting.status()).isEqualTo(400);
    assertThat(badSetting.json().at("/meta/error").asText()).contains("port");
    Answer badLimit =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"host\":"
                    + "\"h\",\"default_from\":\"a@b.c\"},\"rate_limit\":{\"per_second\":0,"
                    + "\"domains\":{\"Gmail.com\":5,\"x.io\":\"fast\"}}}");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().at("/meta/error").asText())
        .contains("rate_limit.domains.x.io must be an integer");
    Answer badLimitValues =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"host\":"
                    + "\"h\",\"default_from\":\"a@b.c\"},\"rate_limit\":{\"per_second\":0,"
                    + "\"domains\":{\"Gmail.com\":5}}}");
    assertThat(badLimitValues.json().at("/meta/error").asText())
        .contains("rate_limit.per_second must be from 1 to 100000")
        .contains("rate_limit.domains.Gmail.com is not a lower-case domain name");
  }
}
