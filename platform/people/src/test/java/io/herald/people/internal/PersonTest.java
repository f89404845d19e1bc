package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.PersonView;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonTest {

  private static AttributeChanges changes(String json) {
    return AttributeChanges.parse(Json.createReader(new StringReader(json)).readObject());
  }

  @Test
  void attributesCarryTheTimeTheyWereLastSet() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c10", t0);
    person.apply(changes("{\"id\":\"42\",\"email\":\"A@X.io\",\"plan\":\"basic\"}"), t0);
    Instant t1 = t0.plusSeconds(60);
    person.apply(changes("{\"plan\":\"pro\",\"unsubscribed\":true}"), t1);

    PersonView view = person.view();
    assertThat(view.id()).isEqualTo("42");
    assertThat(view.email()).isEqualTo("A@X.io");
    assertThat(view.unsubscribed()).isTrue();
    assertThat(view.attributes().getString("plan")).isEqualTo("pro");
    assertThat(view.attributes().getString("cio_id")).isEqualTo("c10");
    assertThat(view.timestamps())
        .containsEntry("cio_id", t0.getEpochSecond())
        .containsEntry("id", t0.getEpochSecond())
        .containsEntry("plan", t1.getEpochSecond());
    assertThat(view.createdAt()).isEqualTo(t0);
    assertThat(view.updatedAt()).isEqualTo(t1);
  }

  @Test
  void applyingGivesTheAttributesBeforeAndAfterAsStored() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c11", t0);
    person.apply(changes("{\"plan\":\"basic\",\"seats\":2}"), t0);
    var stored = person.attributes();

    Person.Applied applied =
        person.apply(changes("{\"plan\":\"pro\",\"seats\":null}"), t0.plusSeconds(1));

    assertThat(applied.before()).isEqualTo(stored);
    assertThat(applied.after()).isEqualTo(person.attributes());
    assertThat(applied.after().getString("plan")).isEqualTo("pro");
    assertThat(applied.after()).doesNotContainKey("seats");
    assertThat(ChangeLog.diff(applied.before(), applied.after()).getJsonObject("attributes"))
        .containsOnlyKeys("plan", "seats");
  }

  @Test
  void rewritingTheSameValueKeepsItsTimestamp() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c12", t0);
    person.apply(changes("{\"plan\":\"pro\",\"tags\":[\"a\"]}"), t0);
    person.apply(changes("{\"plan\":\"pro\",\"tags\":[\"a\"],\"seats\":3}"), t0.plusSeconds(30));
    assertThat(person.view().timestamps())
        .containsEntry("plan", t0.getEpochSecond())
        .containsEntry("tags", t0.getEpochSecond())
        .containsEntry("seats", t0.plusSeconds(30).getEpochSecond());
  }

  @Test
  void repeatingWhatIsStoredIsNotAnUpdate() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c13", t0);
    person.apply(changes("{\"email\":\"A@x.io\",\"plan\":\"pro\",\"unsubscribed\":false}"), t0);
    Instant t1 = t0.plusSeconds(60);
    person.apply(changes("{\"email\":\"A@x.io\",\"plan\":\"pro\",\"unsubscribed\":false}"), t1);
    person.apply(changes("{}"), t1);
    assertThat(person.view().updatedAt()).isEqualTo(t0);

    Instant t2 = t0.plusSeconds(120);
    person.apply(changes("{\"unsubscribed\":true}"), t2);
    assertThat(person.view().updatedAt()).as("unsubscribed changed").isEqualTo(t2);
    Instant t3 = t0.plusSeconds(180);
    person.apply(changes("{\"email\":\"a@x.io\"}"), t3);
    assertThat(person.view().updatedAt()).as("the email's case changed").isEqualTo(t3);
    Instant t4 = t0.plusSeconds(240);
    person.apply(changes("{\"plan\":null}"), t4);
    assertThat(person.view().updatedAt()).as("an attribute removed").isEqualTo(t4);
    person.apply(changes("{\"plan\":null}"), t4.plusSeconds(60));
    assertThat(person.view().updatedAt()).as("removing it again").isEqualTo(t4);
  }

  @Test
  void absorbTakesOnlyWhatThePrimaryLacksWithItsTimestamps() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person primary = new Person(1, "p1", t0);
    primary.apply(changes("{\"id\":\"a\",\"plan\":\"gold\"}"), t0);
    Person secondary = new Person(1, "s1", t0.plusSeconds(10));
    secondary.apply(
        changes("{\"email\":\"B@x.io\",\"plan\":\"free\",\"seats\":3}"), t0.plusSeconds(10));

    primary.absorb(secondary, t0.plusSeconds(60));

    PersonView view = primary.view();
    assertThat(view.id()).isEqualTo("a");
    assertThat(view.email()).isEqualTo("B@x.io");
    assertThat(view.cioId()).isEqualTo("p1");
    assertThat(view.attributes().getString("plan")).isEqualTo("gold");
    assertThat(view.attributes().getInt("seats")).isEqualTo(3);
    assertThat(view.attributes().getString("email")).isEqualTo("B@x.io");
    assertThat(view.attributes().getString("cio_id")).isEqualTo("p1");
    assertThat(view.timestamps()).containsEntry("seats", t0.plusSeconds(10).getEpochSecond());
  }

  @Test
  void removingAnIdentifierClearsItsColumnAndAttribute() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c11", t0);
    person.apply(changes("{\"email\":\"a@x.io\"}"), t0);
    person.apply(changes("{\"email\":null}"), t0);
    assertThat(person.email()).isNull();
    assertThat(person.view().attributes().containsKey("email")).isFalse();
    assertThat(Person.emailKey("MiXeD@Example.COM")).isEqualTo("mixed@example.com");
  }

  @Test
  void anOlderTimestampedUpdateNeverOverwritesANewerValue() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c20", t0);
    person.apply(changes("{\"plan\":\"pro\",\"email\":\"new@x.io\"}"), t0);
    long earlier = t0.getEpochSecond() - 3600;
    person.apply(
        changes(
            "{\"plan\":\"basic\",\"email\":\"old@x.io\",\"seats\":2,\"_timestamp\":"
                + earlier
                + "}"),
        t0.plusSeconds(10));

    PersonView view = person.view();
    assertThat(view.attributes().getString("plan"))
        .as("set later than _timestamp")
        .isEqualTo("pro");
    assertThat(view.email()).isEqualTo("new@x.io");
    assertThat(view.attributes().getInt("seats")).as("never set before").isEqualTo(2);
    assertThat(view.timestamps()).containsEntry("seats", earlier);
    assertThat(view.attributes()).doesNotContainKey("_timestamp");

    person.apply(
        changes("{\"plan\":\"enterprise\",\"_timestamp\":" + (t0.getEpochSecond() + 5) + "}"),
        t0.plusSeconds(20));
    assertThat(person.view().attributes().getString("plan")).isEqualTo("enterprise");
  }

  @Test
  void subscriptionPreferencesMergeTopicByTopic() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c21", t0);
    person.apply(
        changes(
            "{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":true,\"topic_2\":false}}}"),
        t0);
    person.apply(
        changes(
            "{\"cio_subscription_preferences\":{\"topics\":{\"topic_2\":true,\"topic_3\":false}}}"),
        t0.plusSeconds(1));
    person.apply(
        changes("{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":null}}}"),
        t0.plusSeconds(2));

    assertThat(person.view().attributes().getJsonObject("cio_subscription_preferences").toString())
        .isEqualTo("{\"topics\":{\"topic_2\":true,\"topic_3\":false}}");
  }

  @Test
  void channelPreferencesMergeChannelByChannelBesideTopics() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Person person = new Person(1, "c22", t0);
    person.apply(changes("{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":true}}}"), t0);
    person.apply(
        changes("{\"cio_subscription_preferences\":{\"channels\":{\"sms\":false}}}"),
        t0.plusSeconds(1));
    person.apply(
        changes(
            "{\"cio_subscription_preferences\":{\"channels\":{\"whatsapp\":false},"
                + "\"topics\":{\"topic_2\":false}}}"),
        t0.plusSeconds(2));
    person.apply(
        changes("{\"cio_subscription_preferences\":{\"channels\":{\"sms\":true}}}"),
        t0.plusSeconds(3));

    assertThat(person.view().attributes().getJsonObject("cio_subscription_preferences").toString())
        .isEqualTo(
            "{\"topics\":{\"topic_1\":true,\"topic_2\":false},"
                + "\"channels\":{\"sms\":true,\"whatsapp\":false}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> changes("{\"cio_subscription_preferences\":{\"channels\":{\"sms\":\"no\"}}}"))
        .hasMessageContaining("cio_subscription_preferences must be");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> changes("{\"cio_subscription_preferences\":{\"other\":{}}}"))
        .hasMessageContaining("cio_subscription_preferences must be");
  }

  @Test
  void badTimestampsAndPreferencesAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                changes(
                    "{\"_timestamp\":\"yesterday\",\"cio_subscription_preferences\":{\"topics\":{\"a\":\"yes\"}}}"))
        .isInstanceOf(io.herald.people.api.InvalidPersonDataException.class)
        .hasMessageContaining("_timestamp must be Unix seconds")
        .hasMessageContaining("cio_subscription_preferences must be");
  }
}
