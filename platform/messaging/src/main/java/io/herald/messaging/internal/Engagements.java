package io.herald.messaging.internal;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.messaging.api.SuppressionView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.EngagementRecorder;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What a recipient does with a message: opens (the pixel), clicks (a tracked link) and unsubscribes
 * (the page, the RFC 8058 one-click POST or Customer.io's {@code POST /unsubscribe/{delivery_id}}).
 * The first of each per delivery becomes a delivery metric, an engagement for segments and a person
 * event ({@code email_opened}, {@code email_clicked}, {@code email_unsubscribed}; for deliveries of
 * other channels the channel instead of {@code email}: {@code sms_bounced}, {@code push_opened})
 * for journeys. Opens, clicks, complaints and bounces that providers report through callbacks
 * ({@link ProviderEvents}) come here too ({@code email_marked_as_spam}, {@code email_bounced}), and
 * the {@code received} engagement of a delivery a provider accepted ({@link DeliverySender}).
 */
@ApplicationScoped
public class Engagements {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject TrackingLinks links;

  @Inject PeopleService people;

  @Inject EngagementRecorder engagements;

  @Inject EventService events;

  @Inject Clock clock;

  /** Whether the delivery exists. */
  public boolean exists(String deliveryId) {
    return ref(deliveryId).isPresent();
  }

  /** The recipient of the delivery, for the unsubscribe page. */
  public Optional<String> recipient(String deliveryId) {
    return ref(deliveryId).map(DeliveryStore.Ref::recipient);
  }

  /** An open pixel was loaded; ignored unless its signature holds. */
  public void opened(String deliveryId, String signature) {
    if (links.validOpen(deliveryId, signature)) {
      ref(deliveryId).ifPresent(r -> happened(r, deliveryId, "opened", null, clock.instant()));
    }
  }

  /**
   * A tracked link was followed.
   *
   * @return the URL to redirect to, empty when the link is not one Herald made
   */
  public Optional<String> clicked(String deliveryId, String url, String signature) {
    if (!links.validClick(deliveryId, url, signature)) {
      return Optional.empty();
    }
    ref(deliveryId).ifPresent(r -> happened(r, deliveryId, "clicked", url, clock.instant()));
    return Optional.of(url);
  }

  /**
   * The recipient unsubscribed through the delivery: the person's global {@code unsubscribed}
   * attribute becomes true.
   *
   * @return false for an unknown delivery
   */
  public boolean unsubscribed(String deliveryId) {
    Optional<DeliveryStore.Ref> ref = ref(deliveryId);
    if (ref.isEmpty()) {
      return false;
    }
    DeliveryStore.Ref r = ref.get();
    unsubscribe(r);
    happened(r, deliveryId, "unsubscribed", null, clock.instant());
    return true;
  }

  /**
   * A provider reported an open or a click ({@code metric} {@code opened} or {@code clicked}): as
   * the pixel and the tracked link do, the first becomes a metric, an engagement and an event.
   *
   * @return whether it was the first of its kind for the delivery
   */
  boolean reported(DeliveryStore.Ref r, String deliveryId, String metric, String link, Instant at) {
    return happened(r, deliveryId, metric, link, at);
  }

  /**
   * A provider reported a complaint: the first becomes the {@code spammed} metric with the detail
   * and puts the recipient's address on the suppression list (one commit); then the person is
   * unsubscribed as by the unsubscribe link and gets an {@code email_marked_as_spam} event.
   *
   * @return whether it was the first complaint about the delivery
   */
  boolean complained(DeliveryStore.Ref r, String deliveryId, String detail, Instant at) {
    boolean first =
        Transactions.inTransaction(
            dataSource,
            "messaging",
            c -> {
              boolean f = DeliveryStore.firstMetric(c, r.pk(), "spammed", at, detail);
              if (f) {
                SuppressionStore.add(
                    c,
                    r.workspaceId(),
                    r.channel(),
                    r.recipient(),
                    SuppressionView.COMPLAINT,
                    deliveryId,
                    clock.instant());
              }
              return f;
            });
    if (first) {
      unsubscribe(r);
      event(r, deliveryId, "email_marked_as_spam", at, data -> data.add("reason", detail));
    }
    return first;
  }

  /**
   * A delivery's first bounce (its metric is recorded by {@link ProviderEvents}): the {@code
   * email_bounced} person event with the diagnostic and whether it was permanent. Segments have no
   * bounce engagement.
   */
  void bounced(
      DeliveryStore.Ref r, String deliveryId, String detail, boolean permanent, Instant at) {
    event(
        r,
        deliveryId,
        "email_bounced",
        at,
        data -> data.add("reason", detail).add("permanent", permanent));
  }

  /**
   * A provider accepted the delivery for the first time (its {@code sent} metric is new): the
   * {@code received} engagement, so "received a message" segment conditions see it.
   */
  void received(DeliveryStore.Ref r, Instant at) {
    received(List.of(r), at);
  }

  /** {@link #received} for a sending loop's batch, in one transaction. */
  void received(List<DeliveryStore.Ref> refs, Instant at) {
    List<EngagementRecorder.Engagement> all = receivedEngagements(refs, at);
    if (!all.isEmpty()) {
      engagements.recordAll(all);
    }
  }

  /**
   * {@link #received} for a sending loop's batch, in the caller's transaction on {@code c} (the one
   * that records the batch's outcomes).
   */
  void received(Connection c, List<DeliveryStore.Ref> refs, Instant at) throws SQLException {
    List<EngagementRecorder.Engagement> all = receivedEngagements(refs, at);
    if (!all.isEmpty()) {
      engagements.recordAll(c, all);
    }
  }

  private static List<EngagementRecorder.Engagement> receivedEngagements(
      List<DeliveryStore.Ref> refs, Instant at) {
    List<EngagementRecorder.Engagement> all = new ArrayList<>(refs.size());
    for (DeliveryStore.Ref r : refs) {
      if (r.cioId() != null) {
        all.add(
            new EngagementRecorder.Engagement(
                new WorkspaceId(r.workspaceId()), r.cioId(), "received", messageId(r), null, at));
      }
    }
    return all;
  }

  private void unsubscribe(DeliveryStore.Ref r) {
    if (r.cioId() != null) {
      people.identify(
          new WorkspaceId(r.workspaceId()),
          new PersonRef(IdType.CIO_ID, r.cioId()),
          Jsons.createObjectBuilder().add("unsubscribed", true).build());
    }
  }

  Optional<DeliveryStore.Ref> ref(String deliveryId) {
    if (deliveryId == null || deliveryId.length() > 32) {
      return Optional.empty();
    }
    return Transactions.autoCommit(dataSource, "messaging", c -> DeliveryStore.ref(c, deliveryId));
  }

  private boolean happened(
      DeliveryStore.Ref r, String deliveryId, String metric, String link, Instant now) {
    boolean first =
        Transactions.autoCommit(
            dataSource, "messaging", c -> DeliveryStore.firstMetric(c, r.pk(), metric, now, link));
    if (!first || r.cioId() == null) {
      return first;
    }
    engagements.record(
        new WorkspaceId(r.workspaceId()), r.cioId(), metric, messageId(r), null, now);
    event(
        r,
        deliveryId,
        "email_" + metric,
        now,
        data -> {
          if (link != null) {
            data.add("href", link);
          }
        });
    return true;
  }

  private static String messageId(DeliveryStore.Ref r) {
    return r.transactionalId() == null ? null : r.transactionalId().toString();
  }

  /**
   * The person event {@code name} about a delivery ({@code delivery_id}, {@code
   * transactional_message_id} and what {@code more} adds), once per delivery and name; nothing for
   * a delivery to an address alone.
   */
  private void event(
      DeliveryStore.Ref r,
      String deliveryId,
      String name,
      Instant at,
      Consumer<JsonObjectBuilder> more) {
    if (r.cioId() == null) {
      return;
    }
    JsonObjectBuilder data = Jsons.createObjectBuilder().add("delivery_id", deliveryId);
    if (r.transactionalId() != null) {
      data.add("transactional_message_id", r.transactionalId());
    }
    more.accept(data);
    // The events of other channels' deliveries carry their channel: sms_bounced, push_opened.
    String kind = name.substring("email_".length());
    String channel = r.channel() == null ? "email" : r.channel();
    events.record(
        new WorkspaceId(r.workspaceId()),
        List.of(
            new NewEvent(
                new EventSubject.Person(r.cioId()),
                channel + "_" + kind,
                EventType.EVENT,
                deliveryId + ":" + kind,
                at,
                data.build(),
                null,
                "messaging")));
  }
}
