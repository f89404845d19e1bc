package io.herald.webadmin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.SuppressionView;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSuppressions;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import org.junit.jupiter.api.Test;

class SuppressionsPageTest {

  private final FakeSuppressions suppressions = new FakeSuppressions();
  private final Messages messages = new Messages();

  private SuppressionsPage page(FakeRoleUser user) {
    SuppressionsPage page = new SuppressionsPage();
    page.suppressions = suppressions;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.init();
    return page;
  }

  @Test
  void listsNewestFirstWithReasonsAndPages() {
    for (int i = 0; i < SuppressionsPage.PAGE + 2; i++) {
      suppressions.bounced("p" + i + "@x.io", SuppressionView.HARD_BOUNCE, "d" + i);
    }
    SuppressionsPage page = page(FakeRoleUser.viewer());

    assertThat(page.getRows()).hasSize(SuppressionsPage.PAGE);
    assertThat(page.getRows().get(0).address()).isEqualTo("p51@x.io");
    assertThat(page.isMore()).isTrue();
    assertThat(page.reasonText(page.getRows().get(0).reason())).isEqualTo("hard bounce");
    assertThat(page.reasonText("complaint")).isEqualTo("spam complaint");
    assertThat(page.reasonText("manual")).isEqualTo("added by hand");

    page.older();
    assertThat(page.getRows())
        .extracting(SuppressionView::address)
        .containsExactly("p1@x.io", "p0@x.io");
    assertThat(page.isMore()).isFalse();
    assertThat(page.isPaged()).isTrue();
    page.newest();
    assertThat(page.getRows().get(0).address()).isEqualTo("p51@x.io");
  }

  @Test
  void editorsAddAndRemoveAddresses() {
    SuppressionsPage page = page(FakeRoleUser.editor());

    page.setAddress(" Ada@Example.com ");
    page.add();
    page.setAddress("ada@example.com");
    page.add();

    assertThat(suppressions.rows)
        .extracting(SuppressionView::address)
        .containsExactly("ada@example.com");
    assertThat(messages.infos)
        .containsExactly(
            "ada@example.com is suppressed: it gets no more email.",
            "ada@example.com was already suppressed (manual).");
    assertThat(page.getRows()).hasSize(1);

    page.remove("ada@example.com");
    page.remove("ada@example.com");
    assertThat(suppressions.rows).isEmpty();
    assertThat(page.getRows()).isEmpty();
    assertThat(messages.errors).containsExactly("ada@example.com is not suppressed.");
  }

  @Test
  void aBadAddressIsRefusedBesideTheField() {
    SuppressionsPage page = page(FakeRoleUser.admin());

    page.setAddress("not an address");
    page.add();

    assertThat(page.getAddressProblem()).startsWith("address must be an email address");
    assertThat(page.getAddress()).isEqualTo("not an address");
    assertThat(suppressions.rows).isEmpty();
  }

  @Test
  void viewersReadButChangeNothing() {
    suppressions.bounced("kept@x.io", SuppressionView.COMPLAINT, "d1");
    SuppressionsPage page = page(FakeRoleUser.viewer());

    page.setAddress("new@x.io");
    page.add();
    page.remove("kept@x.io");

    assertThat(suppressions.rows).extracting(SuppressionView::address).containsExactly("kept@x.io");
    assertThat(messages.errors)
        .containsExactly(
            "Only admins and editors may change suppressions.",
            "Only admins and editors may change suppressions.");
    assertThat(page.getRows()).hasSize(1);
  }

  @Test
  void aCallerWithoutARoleSeesNothing() {
    suppressions.bounced("kept@x.io", SuppressionView.COMPLAINT, "d1");
    SuppressionsPage page = page(FakeRoleUser.noRole());

    assertThat(page.getRows()).isEmpty();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see suppressions.");
  }

  @Test
  void everyChannelHasItsOwnListToReadAndChange() {
    suppressions.bounced("ada@example.com", SuppressionView.HARD_BOUNCE, "d1");
    suppressions.suppressed("push", "TOKEN-Old", SuppressionView.MANUAL, null);
    SuppressionsPage page = page(FakeRoleUser.editor());
    assertThat(page.getChannels()).containsExactly("email", "sms", "whatsapp", "push");
    assertThat(page.getChannel()).isEqualTo("email");

    page.setChannel("sms");
    assertThat(page.getRows()).isEmpty();
    assertThat(page.getAddressLabel()).isEqualTo("Phone number (E.164)");
    page.setAddress("555 0100");
    page.add();
    assertThat(page.getAddressProblem())
        .isEqualTo("address must be an E.164 phone number such as +15555550100");
    page.setAddress(" +15555550100 ");
    page.add();
    assertThat(page.getRows())
        .extracting(SuppressionView::channel, SuppressionView::address)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sms", "+15555550100"));
    assertThat(messages.infos).containsExactly("+15555550100 is suppressed: it gets no more SMS.");

    page.setChannel("whatsapp");
    assertThat(page.getRows()).isEmpty();
    page.setChannel("push");
    assertThat(page.channelLabel(page.getChannel())).isEqualTo("Push");
    // A push token keeps its case (FCM tokens are case-sensitive).
    assertThat(page.getRows()).extracting(SuppressionView::address).containsExactly("TOKEN-Old");
    page.remove("TOKEN-Old");
    assertThat(messages.infos).contains("TOKEN-Old gets push notifications again.");
    assertThat(suppressions.rows)
        .extracting(SuppressionView::channel)
        .containsExactlyInAnyOrder("email", "sms");

    // A missing parameter keeps the shown channel, an unknown one shows email.
    page.setChannel(null);
    assertThat(page.getChannel()).isEqualTo("push");
    page.setChannel("fax");
    assertThat(page.getChannel()).isEqualTo("email");
    assertThat(page.getRows())
        .extracting(SuppressionView::address)
        .containsExactly("ada@example.com");
  }
}
