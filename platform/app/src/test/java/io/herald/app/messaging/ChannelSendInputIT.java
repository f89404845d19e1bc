package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input errors of {@code POST /v1/send/sms|push|whatsapp|in_app} and of other channels'
 * transactional messages: malformed JSON, wrong types, missing auth, oversize bodies, unknown ids.
 */
class ChannelSendInputIT extends ChannelContainerTest {

  @Test
  void everyNewEndpointRefusesBadInput() {
    for (String channel : List.of("sms", "push", "whatsapp", "in_app")) {
      String path = "v1/send/" + channel;
      Answer malformed = http().post(path, Http.app(), "{\"identifiers\":");
      assertThat(malformed.status()).as(channel).isEqualTo(400);
      assertThat(error(malformed)).contains("malformed JSON");

      Answer notObject = http().post(path, Http.app(), "[1]");
      assertThat(notObject.status()).isEqualTo(400);
      assertThat(error(notObject)).isEqualTo("request body must be a JSON object");

      Answer wrongTypes =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"identifiers\":\"42\",\"message_data\":[],\"send_at\":\"soon\"}");
      assertThat(wrongTypes.status()).isEqualTo(400);
      assertThat(error(wrongTypes))
          .contains("identifiers must be an object")
          .contains("message_data must be an object")
          .contains("send_at must be an integer");

      Answer noAuth = http().post(path, null, "{}");
      assertThat(noAuth.status()).isEqualTo(401);

      byte[] big = new byte[2048 * 1024 + 10];
      Arrays.fill(big, (byte) ' ');
      Answer oversize = http().post(path, Http.app(), new String(big, StandardCharsets.US_ASCII));
      assertThat(oversize.status()).isEqualTo(413);

      Answer unknownMessage =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"1\"}}");
      assertThat(unknownMessage.status()).isEqualTo(404);
      assertThat(error(unknownMessage)).isEqualTo("transactional message 987654321 not found");

      Answer unknownPerson =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"identifiers\":{\"cio_id\":\"nobody-here\"},\"body\":\"x\",\"message\":\"x\"}");
      assertThat(unknownPerson.status()).as(unknownPerson.body()).isEqualTo(404);
      assertThat(error(unknownPerson)).isEqualTo("identifiers.cio_id nobody-here not found");

      Answer noContent = http().post(path, Http.app(), "{\"identifiers\":{\"id\":\"1\"}}");
      assertThat(noContent.status()).isEqualTo(400);
      assertThat(error(noContent)).contains("(no transactional_message_id names one)");
    }
    Answer badPushField =
        http()
            .post(
                "v1/send/push",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"message\":\"x\",\"custom_data\":{\"k\":1}}");
    assertThat(badPushField.status()).isEqualTo(400);
    assertThat(error(badPushField)).isEqualTo("custom_data.k must be a string");

    Answer base64Attachment =
        http()
            .post(
                "v1/send/whatsapp",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"attachments\":{\"a.pdf\":\"JVBERi0xLjQK\"}}");
    assertThat(base64Attachment.status()).isEqualTo(400);
    assertThat(error(base64Attachment))
        .contains("attachments.a.pdf must be the file's http or https URL");
    Answer badLanguage =
        http()
            .post(
                "v1/send/whatsapp",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"language\":\"fr fr\",\"body\":\"x\"}");
    assertThat(badLanguage.status()).isEqualTo(400);
    assertThat(error(badLanguage))
        .startsWith("language must be a language code such as en_US, not fr fr");
    Answer twoAttachments =
        http()
            .post(
                "v1/send/whatsapp",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"attachments\":{\"a.png\":\"https://x.test/a\","
                    + "\"b.png\":\"https://x.test/b\"}}");
    assertThat(twoAttachments.status()).isEqualTo(400);
    assertThat(error(twoAttachments)).contains("attachments takes one file");

    Answer badMessage =
        http()
            .post(
                "v1/transactional",
                Http.app(),
                "{\"name\":\"x\",\"channel\":\"in_app\",\"type\":\"popup\",\"buttons\":[{}]}");
    assertThat(badMessage.status()).isEqualTo(400);
    assertThat(error(badMessage))
        .contains("message must not be empty")
        .contains("type must be modal or banner")
        .contains("buttons[0].label must be a non-empty string");
    Answer badChannel =
        http().post("v1/transactional", Http.app(), "{\"name\":\"x\",\"channel\":\"fax\"}");
    assertThat(badChannel.status()).isEqualTo(400);
    assertThat(error(badChannel))
        .contains("channel must be email, sms, push, whatsapp, in_app, webhook, slack");
  }
}
