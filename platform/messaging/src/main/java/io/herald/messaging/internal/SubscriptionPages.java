package io.herald.messaging.internal;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.TopicView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the hosted pages of a delivery show and do (no credential: the delivery id is the
 * capability, as in Customer.io's links): the subscription-preferences form with the workspace's
 * topics, saving it into the person's {@code cio_subscription_preferences.topics} through the
 * people API, and the delivery's stored HTML for "view in browser".
 */
@ApplicationScoped
public class SubscriptionPages {

  /** The delivery metric of a saved preferences form (first time only, like every metric). */
  static final String METRIC = "preferences";

  /** The person event of a saved preferences form (every time). */
  static final String EVENT = "email_preferences_updated";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Engagements engagements;

  @Inject TrackingLinks links;

  @Inject SubscriptionTopics topics;

  @Inject PeopleService people;

  @Inject EventService events;

  @Inject Clock clock;

  /**
   * One topic on the form.
   *
   * @param identifier {@code topic_<n>}, the checkbox value
   * @param name the topic's name
   * @param description its description, may be empty
   * @param subscribed the person's choice, or the topic's default without one
   */
  public record Choice(String identifier, String name, String description, boolean subscribed) {}

  /**
   * The preferences form of a delivery.
   *
   * @param recipient the delivery's address
   * @param choices the workspace's topics; empty when it has none (show the plain unsubscribe page)
   * @param unsubscribed whether the person is unsubscribed from everything
   * @param token the form's anti-forgery token
   */
  public record Form(String recipient, List<Choice> choices, boolean unsubscribed, String token) {
    public Form {
      choices = List.copyOf(choices);
    }
  }

  /** What saving a form did. */
  public enum Saved {
    SAVED,
    UNKNOWN_DELIVERY,
    BAD_TOKEN
  }

  /** The form for a delivery, empty for an unknown delivery. */
  public Optional<Form> form(String deliveryId) {
    Optional<DeliveryStore.Ref> ref = engagements.ref(deliveryId);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    DeliveryStore.Ref r = ref.get();
    Optional<PersonView> person = person(r);
    if (person.isEmpty()) {
      return Optional.of(new Form(r.recipient(), List.of(), false, ""));
    }
    JsonObject attributes = person.get().attributes();
    List<Choice> choices =
        topics.list(new WorkspaceId(r.workspaceId())).stream()
            .map(
                t ->
                    new Choice(
                        t.identifier(),
                        t.content().name(),
                        t.content().description(),
                        TopicRules.subscribed(
                            attributes, t.identifier(), t.content().subscribedByDefault())))
            .toList();
    return Optional.of(
        new Form(
            r.recipient(),
            choices,
            person.get().unsubscribed(),
            links.preferencesToken(deliveryId)));
  }

  /**
   * Saves a submitted form: every topic of the workspace becomes true when {@code subscribed} names
   * it and false otherwise, and the person's global {@code unsubscribed} becomes {@code
   * unsubscribeAll}. Records the {@code preferences} metric and an {@code
   * email_preferences_updated} event; unsubscribing from everything also counts as the delivery's
   * unsubscribe (metric, engagement, {@code email_unsubscribed}).
   */
  public Saved save(
      String deliveryId, String token, Set<String> subscribed, boolean unsubscribeAll) {
    if (!links.validPreferencesToken(deliveryId, token)) {
      return engagements.exists(deliveryId) ? Saved.BAD_TOKEN : Saved.UNKNOWN_DELIVERY;
    }
    Optional<DeliveryStore.Ref> ref = engagements.ref(deliveryId);
    if (ref.isEmpty() || ref.get().cioId() == null) {
      return Saved.UNKNOWN_DELIVERY;
    }
    DeliveryStore.Ref r = ref.get();
    WorkspaceId workspace = new WorkspaceId(r.workspaceId());
    JsonObjectBuilder chosen = Jsons.createObjectBuilder();
    for (TopicView t : topics.list(workspace)) {
      chosen.add(t.identifier(), subscribed.contains(t.identifier()));
    }
    JsonObject topicChoices = chosen.build();
    people.identify(
        workspace,
        new PersonRef(IdType.CIO_ID, r.cioId()),
        Jsons.createObjectBuilder()
            .add(
                "cio_subscription_preferences",
                Jsons.createObjectBuilder().add("topics", topicChoices))
            .add("unsubscribed", unsubscribeAll)
            .build());
    Instant now = clock.instant();
    Transactions.autoCommit(
        dataSource, "messaging", c -> DeliveryStore.firstMetric(c, r.pk(), METRIC, now, null));
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("delivery_id", deliveryId)
            .add("topics", topicChoices)
            .add("unsubscribed", unsubscribeAll);
    if (r.transactionalId() != null) {
      data.add("transactional_message_id", r.transactionalId());
    }
    events.record(
        workspace,
        List.of(
            new NewEvent(
                new EventSubject.Person(r.cioId()),
                EVENT,
                EventType.EVENT,
                deliveryId + ":" + METRIC + ":" + now.toEpochMilli(),
                now,
                data.build(),
                null,
                "messaging")));
    if (unsubscribeAll) {
      engagements.unsubscribed(deliveryId);
    }
    return Saved.SAVED;
  }

  /**
   * The delivery's HTML as it was sent, when the link's signature holds and the content was kept
   * (empty otherwise: an unknown delivery, a wrong signature, or a send with {@code
   * disable_message_retention}).
   */
  public Optional<String> browserView(String deliveryId, String signature) {
    if (deliveryId == null || deliveryId.length() > 32 || !links.validView(deliveryId, signature)) {
      return Optional.empty();
    }
    return Transactions.autoCommit(
            dataSource, "messaging", c -> DeliveryStore.retainedContent(c, deliveryId))
        .map(json -> Composed.fromJson(json).html());
  }

  private Optional<PersonView> person(DeliveryStore.Ref r) {
    if (r.cioId() == null) {
      return Optional.empty();
    }
    return people.find(new WorkspaceId(r.workspaceId()), new PersonRef(IdType.CIO_ID, r.cioId()));
  }
}
