package io.herald.messaging.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.people.api.IdType;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSendRequestTest {

  private static JsonObject json(String text) {
    return Jsons.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static List<String> problems(String channel, String body) {
    try {
      ChannelSendRequest.parse(channel, json(body));
    } catch (InvalidMessageException e) {
      return e.problems();
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void readsCustomerIoPushBodies() {
    ChannelSend send =
        ChannelSendRequest.parse(
            "push",
            json(
                "{'identifiers':{'id':'42'},'transactional_message_id':7,'to':'all',"
                    + "'title':'T','message':'M','image_url':'https://i','link':'app://x',"
                    + "'sound':'default','custom_data':{'k':'v'},"
                    + "'custom_payload':{'ios':{'aps':{'badge':1}}},"
                    + "'custom_device':{'token':'tok','platform':'ios'},"
                    + "'message_data':{'a':1},'send_at':1700000000,'queue_draft':false,"
                    + "'send_to_unsubscribed':false,'disable_message_retention':true,"
                    + "'language':'fr'}"));
    assertThat(send.channel()).isEqualTo("push");
    assertThat(send.transactionalMessageId()).isEqualTo("7");
    assertThat(send.identifiers().type()).isEqualTo(IdType.ID);
    assertThat(send.to()).isEqualTo("all");
    assertThat(send.content())
        .containsEntry("title", "T")
        .containsEntry("message", "M")
        .containsEntry("custom_data", Map.of("k", "v"))
        .containsEntry("custom_payload", Map.of("ios", Map.of("aps", Map.of("badge", 1L))));
    assertThat(send.customDevice().getString("token")).isEqualTo("tok");
    assertThat(send.sendAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    assertThat(send.sendToUnsubscribed()).isFalse();
    assertThat(send.disableMessageRetention()).isTrue();
  }

  @Test
  void readsSmsWhatsAppAndInApp() {
    ChannelSend sms =
        ChannelSendRequest.parse(
            "sms", json("{'identifiers':{'email':'a@x.io'},'to':'+15555550100','body':'hi'}"));
    assertThat(sms.to()).isEqualTo("+15555550100");
    assertThat(sms.content()).containsEntry("body", "hi");
    ChannelSend wa =
        ChannelSendRequest.parse(
            "whatsapp",
            json(
                "{'identifiers':{'id':'1'},'from':'+15555550199','template':{'name':'t',"
                    + "'language':'en','components':[]}}"));
    assertThat(wa.from()).isEqualTo("+15555550199");
    assertThat(wa.content()).containsKey("template");
    ChannelSend inApp =
        ChannelSendRequest.parse(
            "in_app",
            json(
                "{'identifiers':{'id':'1'},'message':'m','type':'banner',"
                    + "'buttons':[{'label':'OK','action':'dismiss'}]}"));
    assertThat(inApp.to()).isNull();
    assertThat(inApp.content().get("buttons"))
        .isEqualTo(List.of(Map.of("label", "OK", "action", "dismiss")));
  }

  @Test
  void namesEveryBadField() {
    assertThat(problems("sms", "{'to':5,'body':[],'send_at':'x','queue_draft':'yes'}"))
        .containsExactlyInAnyOrder(
            "identifiers is required: {\"id\": …}, {\"email\": …} or {\"cio_id\": …}",
            "to must be a string",
            "body must be a string",
            "send_at must be an integer",
            "queue_draft must be true or false");
    assertThat(
            problems(
                "push",
                "{'identifiers':{'id':'1'},'custom_data':{'k':1},'custom_device':{'platform':'ios'}}"))
        .containsExactlyInAnyOrder(
            "custom_data.k must be a string", "custom_device.token must be a string");
    assertThat(problems("in_app", "{'identifiers':{'id':'1'},'buttons':[1]}"))
        .containsExactly("buttons must be an array of objects");
    assertThat(problems("whatsapp", "{'identifiers':{'id':'1'},'template':'t'}"))
        .containsExactly("template must be an object");
  }

  @Test
  void whatsAppTakesCustomerIoLanguageAndAttachmentsAsMedia() {
    ChannelSend send =
        ChannelSendRequest.parse(
            "whatsapp",
            json(
                "{'identifiers':{'id':'42'},'transactional_message_id':'order','language':'fr',"
                    + "'attachments':{'Invoice 7.pdf':'https://files.test/inv/7.pdf'},"
                    + "'body':'Your invoice'}"));
    assertThat(send.content())
        .containsEntry("language", "fr")
        .containsEntry("body", "Your invoice")
        .containsEntry(
            "media",
            Map.of(
                "type", "document",
                "link", "https://files.test/inv/7.pdf",
                "filename", "Invoice 7.pdf"));
    assertThat(
            ChannelSendRequest.parse(
                    "whatsapp",
                    json(
                        "{'identifiers':{'id':'1'},'attachments':{'a.JPG':'http://x.test/a.JPG'}}"))
                .content())
        .containsEntry("media", Map.of("type", "image", "link", "http://x.test/a.JPG"));
    assertThat(WhatsAppAttachments.type("clip.mp4")).isEqualTo("video");
    assertThat(WhatsAppAttachments.type("note.ogg")).isEqualTo("audio");
    assertThat(WhatsAppAttachments.type("README")).isEqualTo("document");
  }

  @Test
  void whatsAppAttachmentsMustBeOneLinkAndLanguageAString() {
    assertThat(
            problems(
                "whatsapp", "{'identifiers':{'id':'1'},'attachments':{'a.pdf':'JVBERi0xLjQK'}}"))
        .containsExactly(
            "attachments.a.pdf must be the file's http or https URL: WhatsApp fetches media by"
                + " link, so base64 content cannot be sent");
    assertThat(
            problems(
                "whatsapp",
                "{'identifiers':{'id':'1'},'attachments':{'a.png':'https://x/a','b.png':'https://x/b'}}"))
        .containsExactly(
            "attachments takes one file: a WhatsApp message carries one media file, not 2");
    assertThat(problems("whatsapp", "{'identifiers':{'id':'1'},'attachments':{'a.png':7}}"))
        .containsExactly("attachments.a.png must be a string");
    assertThat(problems("whatsapp", "{'identifiers':{'id':'1'},'attachments':['a']}"))
        .containsExactly("attachments must be an object");
    assertThat(
            problems(
                "whatsapp",
                "{'identifiers':{'id':'1'},'media':{'type':'image','link':'https://x/a.png'},"
                    + "'attachments':{'a.png':'https://x/a.png'}}"))
        .containsExactly("give either attachments or media, not both");
    assertThat(problems("whatsapp", "{'identifiers':{'id':'1'},'language':5}"))
        .containsExactly("language must be a string");
  }
}
