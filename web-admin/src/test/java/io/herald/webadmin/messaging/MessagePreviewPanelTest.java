package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.TemplateError;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeTransactionals;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePreviewPanelTest {

  private final FakeMessaging messaging = new FakeMessaging();
  private final FakePeople people = new FakePeople();
  private final Messages messages = new Messages();

  MessagePreviewPanelTest() {
    people.add(1, Json.createObjectBuilder().build(), Map.of());
  }

  private MessagePreviewPanel panel(FakeRoleUser user, String person, String data) {
    MessagesPage page = new MessagesPage();
    page.transactionals = new FakeTransactionals();
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    MessagePreviewPanel panel = new MessagePreviewPanel();
    panel.messaging = messaging;
    panel.people = people;
    panel.workspaces = new OneWorkspace();
    panel.page = page;
    panel.user = user;
    panel.messages = messages;
    panel.setPerson(person);
    panel.setMessageData(data);
    return panel;
  }

  @Test
  void previewsForThePersonNamedByEmailWithTheMessageData() {
    MessagePreviewPanel panel =
        panel(
            FakeRoleUser.viewer(), "U1@example.com", "{\"order\": {\"id\": 7, \"items\": [1, 2]}}");

    panel.preview(3L);

    assertThat(messaging.previewPeople)
        .containsExactly(new PersonRef(IdType.EMAIL, "U1@example.com"));
    assertThat(messaging.previewData)
        .containsExactly(Map.of("order", Map.of("id", 7, "items", List.of(1, 2))));
    assertThat(panel.getPreview()).isSameAs(messaging.preview);
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void namesPeopleByIdOrCioIdAsTheTrackApiDoes() {
    panel(FakeRoleUser.viewer(), " u1 ", "").preview(3L);
    panel(FakeRoleUser.viewer(), "cio_c1", null).preview(3L);

    assertThat(messaging.previewPeople)
        .containsExactly(new PersonRef(IdType.ID, "u1"), new PersonRef(IdType.CIO_ID, "c1"));
    assertThat(messaging.previewData).containsExactly(Map.of(), Map.of());
  }

  @Test
  void aTemplateErrorIsThePreview() {
    messaging.preview =
        new EmailPreview(
            "",
            "",
            "",
            "",
            "",
            new TemplateError(
                "body", 2, 4, "customer.nickname", "customer.nickname is not defined"));
    MessagePreviewPanel panel = panel(FakeRoleUser.viewer(), "u1", "");

    panel.preview(3L);

    assertThat(panel.getPreview().error().describe())
        .isEqualTo("body line 2: customer.nickname is not defined");
  }

  @Test
  void refusesDataThatIsNotAJsonObjectAndAMissingPerson() {
    panel(FakeRoleUser.viewer(), "u1", "[1]").preview(3L);
    panel(FakeRoleUser.viewer(), "u1", "{\"a\": ").preview(3L);
    panel(FakeRoleUser.viewer(), " ", "").preview(3L);

    assertThat(messaging.previewPeople).isEmpty();
    assertThat(messages.errors)
        .containsExactly(
            "message_data must be a JSON object, like {\"a\": 1}.",
            "message_data is not valid JSON (line 1, column 6).",
            "Name a person by id, email or cio_id.");
  }

  @Test
  void sendsATestToAnExistingPersonAndShowsTheDelivery() {
    MessagePreviewPanel panel = panel(FakeRoleUser.editor(), "u1@example.com", "{\"code\": \"A\"}");

    panel.sendTest(3L);

    EmailSend send = messaging.sent.get(0);
    assertThat(send.transactionalMessageId()).isEqualTo("3");
    assertThat(send.identifiers()).isEqualTo(new PersonRef(IdType.EMAIL, "u1@example.com"));
    assertThat(send.messageData()).isEqualTo(Map.of("code", "A"));
    assertThat(send.to()).isNull();
    assertThat(send.queueDraft()).isFalse();
    assertThat(panel.getDeliveryId()).isEqualTo("sent-1");
    assertThat(messages.infos)
        .containsExactly("Test message queued for email u1@example.com: delivery sent-1");
  }

  @Test
  void aTestGoesToNobodyUnknownAndNeedsAnEditor() {
    panel(FakeRoleUser.editor(), "nobody@example.com", "").sendTest(3L);
    panel(FakeRoleUser.viewer(), "u1", "").sendTest(3L);

    assertThat(messaging.sent).isEmpty();
    assertThat(messages.errors)
        .containsExactly(
            "Not sent: nobody has email nobody@example.com.",
            "Only admins and editors may send test messages.");
  }
}
