package io.herald.plugins.whatsapp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.util.HashMap;
import java.util.Map;

/** Settings and messages for the WhatsApp tests. */
final class WhatsAppTestSupport {

  static final String TOKEN = "EAAG-test-access-token-0123456789";
  static final String APP_SECRET = "app-secret-5f2b9c0d7e";
  static final String VERIFY_TOKEN = "verify-me-8a1c3e";
  static final String PHONE_NUMBER_ID = "106540352242922";
  static final String MESSAGES_PATH = "/v26.0/" + PHONE_NUMBER_ID + "/messages";

  /**
   * Meta's documented success answer ("Messages" reference, "Example response"):
   * developers.facebook.com/docs/whatsapp/cloud-api/reference/messages.
   */
  static final String SUCCESS =
      "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
          + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":"
          + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\"}]}";

  static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA";

  private WhatsAppTestSupport() {}

  static ChannelConfig config(String baseUrl) {
    Map<String, String> values = new HashMap<>();
    values.put(WhatsAppSchema.ACCESS_TOKEN, TOKEN);
    values.put(WhatsAppSchema.PHONE_NUMBER_ID, PHONE_NUMBER_ID);
    values.put(WhatsAppSchema.APP_SECRET, APP_SECRET);
    values.put(WhatsAppSchema.VERIFY_TOKEN, VERIFY_TOKEN);
    values.put(WhatsAppSchema.BASE_URL, baseUrl);
    values.put(WhatsAppSchema.TIMEOUT_SECONDS, "2");
    return new ChannelConfig(values);
  }

  static OutboundMessage.Builder whatsapp(String key, String to) {
    return OutboundMessage.builder(key, ChannelKind.WHATSAPP, to);
  }
}
