package io.herald.webadmin.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.objects.api.ObjectIdentifiers;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.webadmin.AttributeRow;
import io.herald.webadmin.fakes.FakeEvents;
import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakeObjects;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonPageTest {

  private final FakePeople people = new FakePeople();
  private final FakeEvents events = new FakeEvents();
  private final FakeObjects objects = new FakeObjects();
  private final FakeMessaging messaging = new FakeMessaging();
  private final Messages messages = new Messages();

  PersonPageTest() {
    people.add(
        1,
        Json.createObjectBuilder()
            .add("plan", "pro")
            .add("seats", 3)
            .add("tags", Json.createArrayBuilder().add("a"))
            .build(),
        Map.of("plan", 1_700_000_000L, "seats", 1_700_000_060L));
  }

  private PersonPage page(FakeRoleUser user, String cio, int from) {
    PersonPage page = new PersonPage();
    page.people = people;
    page.events = events;
    page.objects = objects;
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setCio(cio);
    page.setFrom(from);
    page.load();
    return page;
  }

  @Test
  void showsIdentifiersAndAttributesWithTheTimeEachWasSet() {
    PersonPage page = page(FakeRoleUser.viewer(), "c1", 0);

    assertThat(page.getPerson().email()).isEqualTo("u1@example.com");
    assertThat(page.getAttributes())
        .containsExactly(
            new AttributeRow("plan", "pro", Instant.ofEpochSecond(1_700_000_000L)),
            new AttributeRow("seats", "3", Instant.ofEpochSecond(1_700_000_060L)),
            new AttributeRow("tags", "[\"a\"]", null));
    assertThat(page.getSuppressedIdentifiers()).isEmpty();
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void listsThePersonsPushDevices() {
    people.devices.put(
        "c1",
        java.util.List.of(
            new io.herald.people.api.DeviceView(
                "tok-1",
                io.herald.people.api.DevicePlatform.IOS,
                1_700_000_000L,
                Json.createObjectBuilder().add("app_version", "1.2.3").build(),
                Instant.EPOCH,
                Instant.EPOCH)));

    PersonPage page = page(FakeRoleUser.viewer(), "c1", 0);

    assertThat(page.getDevices())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.device().token()).isEqualTo("tok-1");
              assertThat(d.lastUsed()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
              assertThat(d.attributes()).isEqualTo("{\"app_version\":\"1.2.3\"}");
            });
  }

  @Test
  void listsRelationshipsWithTheObjectTypeName() {
    objects.addType("1", "Companies");
    ObjectIdentifiers acme = objects.addObject("1", "acme", Json.createObjectBuilder().build());
    objects.relate("c1", acme, Json.createObjectBuilder().add("role", "admin").build());
    objects.relate("c2", acme, Json.createObjectBuilder().build());

    PersonPage page = page(FakeRoleUser.viewer(), "c1", 0);

    assertThat(page.getRelationships())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.typeName()).isEqualTo("Companies");
              assertThat(r.relationship().object().objectId()).isEqualTo("acme");
              assertThat(r.attributes()).isEqualTo("{\"role\":\"admin\"}");
            });
    assertThat(page.isMoreRelationships()).isFalse();
  }

  @Test
  void theTimelinePagesTwentyEventsAtATimeNewestFirst() {
    for (int i = 1; i <= 25; i++) {
      events.add("c1", "event-" + i, 1_000 + i);
    }
    events.add("c2", "someone else's", 5_000);

    PersonPage newest = page(FakeRoleUser.viewer(), "c1", 0);
    assertThat(newest.getTimeline()).hasSize(20);
    assertThat(newest.getTimeline().get(0).event().name()).isEqualTo("event-25");
    assertThat(newest.getTimeline().get(0).data()).isEqualTo("{\"n\":1025}");
    assertThat(newest.isOlder()).isTrue();
    assertThat(newest.isNewer()).isFalse();
    assertThat(newest.getOlderFrom()).isEqualTo(20);

    PersonPage older = page(FakeRoleUser.viewer(), "c1", 20);
    assertThat(older.getTimeline())
        .extracting(e -> e.event().name())
        .containsExactly("event-5", "event-4", "event-3", "event-2", "event-1");
    assertThat(older.isOlder()).isFalse();
    assertThat(older.isNewer()).isTrue();
    assertThat(older.getNewerFrom()).isZero();
  }

  @Test
  void notesASuppressedIdentifier() {
    people.suppressed.add(new PersonRef(IdType.ID, "u1"));

    assertThat(page(FakeRoleUser.viewer(), "c1", 0).getSuppressedIdentifiers())
        .containsExactly("id u1");
  }

  @Test
  void anUnknownPersonIsSaidSo() {
    PersonPage page = page(FakeRoleUser.viewer(), "nobody", 0);

    assertThat(page.getPerson()).isNull();
    assertThat(messages.errors).containsExactly("No person has cio_id nobody.");
  }

  @Test
  void aCallerWithoutAConsoleRoleSeesNothing() {
    events.add("c1", "secret", 1);
    PersonPage page = page(FakeRoleUser.noRole(), "c1", 0);

    assertThat(page.getPerson()).isNull();
    assertThat(page.getTimeline()).isEmpty();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see people.");
  }

  @Test
  void listsTheMessagesSentToThePersonNewestFirstTwentyAPage() {
    for (int i = 1; i <= 25; i++) {
      messaging.add(i, i % 2 == 0 ? "c1" : "c2", null, i == 24 ? "failed" : "sent");
    }

    PersonPage page = page(FakeRoleUser.viewer(), "c1", 0);

    assertThat(page.getDeliveries())
        .extracting(io.herald.messaging.api.DeliveryView::deliveryId)
        .startsWith("d24", "d22")
        .hasSize(12);
    assertThat(page.getDeliveries().get(0).reason()).isEqualTo("550 no such mailbox");
    assertThat(page.isOlderDeliveries()).isFalse();

    for (int i = 26; i <= 60; i++) {
      messaging.add(i, "c1", null, "sent");
    }
    PersonPage newest = page(FakeRoleUser.viewer(), "c1", 0);
    assertThat(newest.getDeliveries()).hasSize(PersonPage.DELIVERIES_PER_PAGE);
    assertThat(newest.isOlderDeliveries()).isTrue();
    assertThat(newest.getOlderSent()).isEqualTo("d41");
    PersonPage older = pageSent("c1", newest.getOlderSent());
    assertThat(older.getDeliveries().get(0).deliveryId()).isEqualTo("d40");
  }

  private PersonPage pageSent(String cio, String sent) {
    PersonPage page = new PersonPage();
    page.people = people;
    page.events = events;
    page.objects = objects;
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = FakeRoleUser.viewer();
    page.messages = messages;
    page.setCio(cio);
    page.setSent(sent);
    page.load();
    return page;
  }
}
