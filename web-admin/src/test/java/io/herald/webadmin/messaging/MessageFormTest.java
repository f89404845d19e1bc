package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.TransactionalInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message form's channel fields: SMS, push, WhatsApp and in-app content round trips. */
class MessageFormTest {

  private static TransactionalInput input(String channel, Map<String, Object> content) {
    return new TransactionalInput(
        "N", null, "", "", "", "", "", "", "", null, true, null, channel, content);
  }

  @Test
  void smsTextIsTheBodyField() {
    MessageForm form = MessageForm.of(input("sms", Map.of("body", "Hi {{customer.id}}")));
    assertThat(form.isEmail()).isFalse();
    assertThat(form.getBody()).isEqualTo("Hi {{customer.id}}");
    form.setBody("Bye");
    TransactionalInput back = form.toInput();
    assertThat(back.channel()).isEqualTo("sms");
    assertThat(back.channelContent()).isEqualTo(Map.of("body", "Bye"));
    assertThat(back.layoutId()).isNull();
  }

  @Test
  void pushAndInAppStructuredFieldsAreJson() {
    MessageForm push =
        MessageForm.of(
            input("push", Map.of("title", "T", "message", "M", "custom_data", Map.of("k", "v"))));
    assertThat(push.getContent().getCustomData()).contains("\"k\" : \"v\"");
    assertThat(push.toInput().channelContent())
        .isEqualTo(Map.of("title", "T", "message", "M", "custom_data", Map.of("k", "v")));

    MessageForm inApp = new MessageForm();
    inApp.setName("Welcome");
    inApp.setChannel("in_app");
    inApp.getContent().setMessage("Hello");
    inApp.getContent().setType("banner");
    inApp.getContent().setButtons("[{\"label\":\"OK\",\"action\":\"dismiss\"}]");
    assertThat(inApp.toInput().channelContent())
        .isEqualTo(
            Map.of(
                "message",
                "Hello",
                "type",
                "banner",
                "buttons",
                List.of(Map.of("label", "OK", "action", "dismiss"))));
  }

  @Test
  void badJsonNamesTheField() {
    MessageForm form = new MessageForm();
    form.setChannel("whatsapp");
    form.getContent().setTemplate("{\"name\":");
    assertThatThrownBy(form::toInput)
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageStartingWith("template is not valid JSON (line 1");
    form.getContent().setTemplate("[]");
    assertThatThrownBy(form::toInput).hasMessage("template must be a JSON object");
  }

  @Test
  void emailMessagesKeepTheirFields() {
    MessageForm form = new MessageForm();
    form.setName("Mail");
    form.setSubject("S");
    form.setBody("<p>B</p>");
    TransactionalInput in = form.toInput();
    assertThat(in.email()).isTrue();
    assertThat(in.subject()).isEqualTo("S");
    assertThat(in.channelContent()).isEmpty();
  }
}
