package io.herald.webadmin.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryPageTest {

  private final FakeMessaging messaging = new FakeMessaging();
  private final Messages messages = new Messages();

  private DeliveryPage page(FakeRoleUser user, String id) {
    DeliveryPage page = new DeliveryPage();
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.load();
    return page;
  }

  @Test
  void showsTheDeliveryWithItsMetricsOldestFirst() {
    messaging.add(1, "c1", 4L, "failed");

    DeliveryPage page = page(FakeRoleUser.viewer(), "d1");

    assertThat(page.getDelivery().reason()).isEqualTo("550 no such mailbox");
    assertThat(page.getTimeline())
        .extracting(DeliveryPage.MetricRow::metric)
        .containsExactly("created");
  }

  @Test
  void metricsAtTheSameInstantKeepThePipelinesOrder() {
    Instant t = Instant.ofEpochSecond(100);
    assertThat(
            DeliveryPage.timeline(
                Map.of(
                    "sent",
                    t.plusSeconds(1),
                    "attempted",
                    t,
                    "created",
                    t,
                    "opened",
                    t.plusSeconds(60))))
        .extracting(DeliveryPage.MetricRow::metric)
        .containsExactly("created", "attempted", "sent", "opened");
  }

  @Test
  void providerReportedMetricsAtOneInstantFollowTheDeliverysLife() {
    Instant t = Instant.ofEpochSecond(100);
    Map<String, Instant> metrics = new java.util.HashMap<>();
    for (String m :
        List.of("spammed", "bounced", "clicked", "opened", "delivered", "sent", "created")) {
      metrics.put(m, t);
    }
    assertThat(DeliveryPage.timeline(metrics))
        .extracting(DeliveryPage.MetricRow::metric)
        .containsExactly("created", "sent", "delivered", "opened", "clicked", "bounced", "spammed");
  }

  @Test
  void anUnknownDeliverySaysSo() {
    DeliveryPage page = page(FakeRoleUser.viewer(), "nope");

    assertThat(page.getDelivery()).isNull();
    assertThat(messages.errors).containsExactly("There is no delivery nope.");
  }

  @Test
  void aCallerWithoutARoleSeesNothing() {
    messaging.add(1, "c1", 4L, "sent");

    DeliveryPage page = page(FakeRoleUser.noRole(), "d1");

    assertThat(page.getDelivery()).isNull();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see deliveries.");
  }
}
