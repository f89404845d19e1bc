package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.TransactionalView;
import io.herald.webadmin.fakes.FakeLayouts;
import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeTransactionals;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesPageTest {

  private final FakeTransactionals transactionals = new FakeTransactionals();
  private final FakeLayouts layouts = new FakeLayouts();
  private final FakeMessaging messaging = new FakeMessaging();
  private final Messages messages = new Messages();

  private MessagesPage page(FakeRoleUser user, Long id, String before) {
    MessagesPage page = new MessagesPage();
    page.transactionals = transactionals;
    page.layouts = layouts;
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.setBefore(before);
    page.load();
    return page;
  }

  @Test
  void listsMessagesAndFillsTheFormWithTheOneNamed() {
    transactionals.add("Welcome", "Hi {{customer.first_name}}", "<p>Hi</p>");
    TransactionalView reset = transactionals.add("Reset", "Reset", "<p>Reset</p>");

    MessagesPage page = page(FakeRoleUser.viewer(), reset.id(), null);

    assertThat(page.getList())
        .extracting(v -> v.content().name())
        .containsExactly("Welcome", "Reset");
    assertThat(page.isEditing()).isTrue();
    assertThat(page.getForm().getName()).isEqualTo("Reset");
    assertThat(page.getForm().getBody()).isEqualTo("<p>Reset</p>");
    assertThat(page.getForm().isSendToUnsubscribed()).isTrue();
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void anEditorCreatesAMessageAndIsSentToIt() {
    MessagesPage page = page(FakeRoleUser.editor(), null, null);
    page.getForm().setName(" Welcome ");
    page.getForm().setTriggerName("  ");
    page.getForm().setSubject("Hi {{customer.first_name}}");
    page.getForm().setBody("<p>Hello</p>");
    page.getForm().setTopicId("");

    String outcome = page.save();

    TransactionalView created = transactionals.messages.values().iterator().next();
    assertThat(created.content())
        .isEqualTo(
            new TransactionalInput(
                "Welcome",
                null,
                "",
                "Hi {{customer.first_name}}",
                "",
                "",
                "",
                "<p>Hello</p>",
                "",
                null,
                true,
                null));
    assertThat(outcome).isEqualTo("/messages?faces-redirect=true&id=" + created.id());
    assertThat(messages.infos).containsExactly("Message “Welcome” created.");
    assertThat(messages.keptForRedirect).isTrue();
  }

  @Test
  void aRefusedSavePutsEachProblemOnItsFieldAndKeepsTheForm() {
    TransactionalView m = transactionals.add("Welcome", "Hi", "<p>Hi</p>");
    MessagesPage page = page(FakeRoleUser.admin(), m.id(), null);
    transactionals.refuseWith =
        List.of("trigger_name welcome is already used by another message", "layout is broken");
    page.getForm().setSubject(" ");
    page.getForm().setTriggerName("welcome");

    assertThat(page.save()).isNull();

    assertThat(page.getProblems().field("trigger_name"))
        .isEqualTo("trigger_name welcome is already used by another message");
    assertThat(page.getProblems().field("subject")).isEqualTo("subject must not be empty");
    assertThat(page.getProblems().field("name")).isNull();
    assertThat(page.getProblems().general()).containsExactly("layout is broken");
    assertThat(page.getForm().getTriggerName()).isEqualTo("welcome");
    assertThat(transactionals.messages.get(m.id()).content().subject()).isEqualTo("Hi");
    assertThat(messages.errors).hasSize(1);
    assertThat(messages.errors.get(0)).startsWith("Message not saved: trigger_name welcome");
  }

  @Test
  void savingAnEditedMessageStaysOnIt() {
    TransactionalView m = transactionals.add("Welcome", "Hi", "<p>Hi</p>");
    MessagesPage page = page(FakeRoleUser.editor(), m.id(), null);
    page.getForm().setSubject("Hello again");

    assertThat(page.save()).isNull();

    assertThat(transactionals.messages.get(m.id()).content().subject()).isEqualTo("Hello again");
    assertThat(messages.infos).containsExactly("Message “Welcome” saved.");
  }

  @Test
  void aViewerMayNotSave() {
    MessagesPage page = page(FakeRoleUser.viewer(), null, null);
    page.getForm().setName("x");
    page.getForm().setSubject("x");

    assertThat(page.save()).isNull();

    assertThat(transactionals.messages).isEmpty();
    assertThat(messages.errors).containsExactly("Only admins and editors may change messages.");
  }

  @Test
  void theSendsOfTheMessagePageNewestFirst() {
    TransactionalView m = transactionals.add("Welcome", "Hi", "<p>Hi</p>");
    for (int i = 1; i <= 30; i++) {
      messaging.add(i, "c1", i % 5 == 0 ? null : m.id(), "sent");
    }

    MessagesPage first = page(FakeRoleUser.viewer(), m.id(), null);
    assertThat(first.getSends()).hasSize(24);
    assertThat(first.getSends().get(0).deliveryId()).isEqualTo("d29");
    assertThat(first.isOlderSends()).isFalse();
    assertThat(first.getSends()).extracting(DeliveryView::transactionalId).containsOnly(m.id());

    for (int i = 31; i <= 40; i++) {
      messaging.add(i, "c1", m.id(), "sent");
    }
    MessagesPage newest = page(FakeRoleUser.viewer(), m.id(), null);
    assertThat(newest.getSends()).hasSize(MessagesPage.SENDS_PER_PAGE);
    assertThat(newest.isOlderSends()).isTrue();
    assertThat(newest.getOlderBefore()).isEqualTo("d12");
    MessagesPage older = page(FakeRoleUser.viewer(), m.id(), newest.getOlderBefore());
    assertThat(older.getSends())
        .extracting(DeliveryView::deliveryId)
        .containsExactly("d11", "d9", "d8", "d7", "d6", "d4", "d3", "d2", "d1");
    assertThat(Set.copyOf(older.getSends())).doesNotContainAnyElementsOf(newest.getSends());
  }

  @Test
  void anUnknownIdSaysSoAndOffersANewForm() {
    MessagesPage page = page(FakeRoleUser.viewer(), 99L, null);

    assertThat(page.isEditing()).isFalse();
    assertThat(page.getSends()).isEmpty();
    assertThat(messages.errors).containsExactly("There is no transactional message 99.");
  }

  @Test
  void aCallerWithoutARoleSeesNothing() {
    transactionals.add("Welcome", "Hi", "<p>Hi</p>");
    MessagesPage page = page(FakeRoleUser.noRole(), 1L, null);

    assertThat(page.getList()).isEmpty();
    assertThat(page.isEditing()).isFalse();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see messages.");
  }
}
