package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.DeliveryView;
import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import org.junit.jupiter.api.Test;

class OutboxPageTest {

  private final FakeMessaging messaging = new FakeMessaging();
  private final Messages messages = new Messages();

  private OutboxPage page(FakeRoleUser user, String id, String before) {
    OutboxPage page = new OutboxPage();
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
  void listsOnlyOutboxEmailsNewestFirstInPages() {
    for (int n = 1; n <= 27; n++) {
      messaging.addOutbox(n, "<p>" + n + "</p>", "" + n);
    }
    messaging.add(28, "cio", 1L, "sent"); // through another channel

    OutboxPage first = page(FakeRoleUser.viewer(), null, null);
    assertThat(first.getEmails()).hasSize(25);
    assertThat(first.getEmails().get(0).deliveryId()).isEqualTo("d27");
    assertThat(first.isOlder()).isTrue();
    assertThat(first.getOlderBefore()).isEqualTo("d3");

    OutboxPage second = page(FakeRoleUser.viewer(), null, "d3");
    assertThat(second.getEmails()).extracting(DeliveryView::deliveryId).containsExactly("d2", "d1");
    assertThat(second.isOlder()).isFalse();
  }

  @Test
  void opensAnEmailAsASandboxedDocument() {
    messaging.addOutbox(1, "<html><head><title>t</title></head><body>Hi</body></html>", "Hi");

    OutboxPage page = page(FakeRoleUser.viewer(), "d1", null);

    assertThat(page.getOpened().text()).isEqualTo("Hi");
    assertThat(page.getOpenedDocument())
        .startsWith("<html><head><meta http-equiv=\"Content-Security-Policy\"")
        .contains("default-src 'none'")
        .endsWith("<title>t</title></head><body>Hi</body></html>");
  }

  @Test
  void aDeliveryOutsideTheOutboxIsNotOpened() {
    messaging.add(1, "cio", 1L, "sent");
    OutboxPage page = page(FakeRoleUser.admin(), "d1", null);
    assertThat(page.getOpened()).isNull();
    assertThat(messages.errors).containsExactly("There is no email d1 in the dev outbox.");
  }
}
