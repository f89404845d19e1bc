package io.herald.messaging.internal;

import io.herald.messaging.api.DeliveryReports;
import io.herald.messaging.api.SuppressionView;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Applies the {@link DeliveryEvent}s a provider reported to the delivery log of one workspace. Each
 * kind is recorded once per delivery as a metric ({@code delivered}, {@code bounced}, {@code
 * spammed}, {@code failed}, {@code opened}, {@code clicked}); a delivery report moves a {@code
 * sent} delivery to {@code delivered}; the first bounce or failure ends a {@code sent} or {@code
 * delivered} delivery in that state with the detail as reason; a permanent bounce and a complaint
 * put the recipient's address on the workspace's suppression list; a complaint unsubscribes the
 * person; bounces, complaints, opens and clicks go through {@link Engagements} so segments and
 * journeys see them.
 */
@ApplicationScoped
public class ProviderEvents implements DeliveryReports {

  private static final int MAX_PROVIDER_ID = 255;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Engagements engagements;

  @Inject Clock clock;

  @Inject SenderEvents senders;

  /**
   * What became of a callback's events.
   *
   * @param events how many the provider reported
   * @param applied how many were new for their delivery
   * @param duplicates how many their delivery already had (same kind reported before)
   * @param unknown how many named a provider message id the workspace has no delivery for
   */
  public record Applied(int events, int applied, int duplicates, int unknown) {

    /** Nothing applied. */
    public static final Applied NONE = new Applied(0, 0, 0, 0);
  }

  /** What host providers report ({@link DeliveryReports}): applied as a callback's events. */
  @Override
  public int report(WorkspaceId workspace, List<DeliveryEvent> events) {
    return apply(workspace.value(), events).applied();
  }

  /** Applies the events of an email setting's callback. */
  Applied apply(long workspaceId, List<DeliveryEvent> events) {
    return apply(workspaceId, "email", events);
  }

  /**
   * Applies the events in order, each in its own commit. What a sender did ({@code UNSUBSCRIBED},
   * {@code RESUBSCRIBED}, {@code REPLIED}) goes to {@link SenderEvents} for the setting's channel;
   * the others are matched to deliveries by the provider's message id.
   */
  Applied apply(long workspaceId, String channel, List<DeliveryEvent> events) {
    int applied = 0;
    int duplicates = 0;
    int unknown = 0;
    for (DeliveryEvent event : events) {
      if (sender(event.kind())) {
        SenderEvents.Result r =
            senders == null
                ? SenderEvents.Result.UNKNOWN
                : senders.apply(workspaceId, channel, event);
        switch (r) {
          case APPLIED -> applied++;
          case DUPLICATE -> duplicates++;
          default -> unknown++;
        }
        continue;
      }
      Optional<Map.Entry<String, DeliveryStore.Ref>> target = find(workspaceId, event);
      if (target.isEmpty()) {
        unknown++;
      } else if (apply(target.get().getKey(), target.get().getValue(), event)) {
        applied++;
      } else {
        duplicates++;
      }
    }
    return new Applied(events.size(), applied, duplicates, unknown);
  }

  private static boolean sender(DeliveryEvent.Kind kind) {
    return kind == DeliveryEvent.Kind.UNSUBSCRIBED
        || kind == DeliveryEvent.Kind.RESUBSCRIBED
        || kind == DeliveryEvent.Kind.REPLIED;
  }

  private Optional<Map.Entry<String, DeliveryStore.Ref>> find(long workspaceId, DeliveryEvent e) {
    String id = e.providerMessageId();
    if (id.isEmpty() || id.length() > MAX_PROVIDER_ID) {
      return Optional.empty();
    }
    return Transactions.autoCommit(
        dataSource, "messaging", c -> DeliveryStore.byProviderId(c, workspaceId, id));
  }

  private boolean apply(String deliveryId, DeliveryStore.Ref r, DeliveryEvent e) {
    return switch (e.kind()) {
      case DELIVERED -> delivered(r, e);
      case BOUNCED -> bounced(deliveryId, r, e);
      case FAILED -> end(deliveryId, r, "failed", e);
      case COMPLAINED -> engagements.complained(r, deliveryId, detail(e), e.occurredAt());
      case OPENED -> engagements.reported(r, deliveryId, "opened", null, e.occurredAt());
      case CLICKED ->
          engagements.reported(
              r, deliveryId, "clicked", e.url().isEmpty() ? null : e.url(), e.occurredAt());
      // What a sender did is about a person, not a delivery: apply(…) hands it to SenderEvents.
      case UNSUBSCRIBED, RESUBSCRIBED, REPLIED ->
          throw new IllegalStateException("sender events are not matched to deliveries");
    };
  }

  /** The first delivery report: the metric and, for a sent delivery, the delivered state. */
  private boolean delivered(DeliveryStore.Ref r, DeliveryEvent e) {
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          boolean first = DeliveryStore.firstMetric(c, r.pk(), "delivered", e.occurredAt(), null);
          if (first) {
            DeliveryStore.reportedDelivered(c, r.pk(), clock.instant());
          }
          return first;
        });
  }

  /**
   * The first bounce: ends the delivery, suppresses the address when the bounce is permanent (a
   * soft bounce may go away), then the {@code email_bounced} person event.
   */
  private boolean bounced(String deliveryId, DeliveryStore.Ref r, DeliveryEvent e) {
    boolean first = end(deliveryId, r, "bounced", e);
    if (first) {
      engagements.bounced(r, deliveryId, detail(e), e.permanent(), e.occurredAt());
    }
    return first;
  }

  /**
   * The first bounce or failure: the metric and, for a sent or delivered delivery, the end state;
   * for a permanent bounce the address's suppression, in the same commit.
   */
  private boolean end(String deliveryId, DeliveryStore.Ref r, String state, DeliveryEvent e) {
    String reason = detail(e);
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          boolean first = DeliveryStore.firstMetric(c, r.pk(), state, e.occurredAt(), reason);
          if (first) {
            Instant now = clock.instant();
            DeliveryStore.reportedEnd(c, r.pk(), state, reason, now);
            if (e.permanent()) {
              SuppressionStore.add(
                  c,
                  r.workspaceId(),
                  r.channel(),
                  r.recipient(),
                  SuppressionView.HARD_BOUNCE,
                  deliveryId,
                  now);
            }
          }
          return first;
        });
  }

  /** The provider's detail, else a word about the kind (a bounce says whether it was hard). */
  private static String detail(DeliveryEvent e) {
    if (!e.detail().isEmpty()) {
      return e.detail();
    }
    return switch (e.kind()) {
      case BOUNCED -> e.permanent() ? "hard bounce" : "soft bounce";
      case COMPLAINED -> "marked as spam";
      default -> e.kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
