package io.herald.messaging.internal;

import io.herald.plugin.api.DeliveryEvent;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Applies the {@link DeliveryEvent}s a provider reported to the delivery log of one workspace. Each
 * kind is recorded once per delivery as a metric ({@code delivered}, {@code bounced}, {@code
 * spammed}, {@code failed}, {@code opened}, {@code clicked}); the first bounce or failure ends a
 * {@code sent} delivery in that state with the detail as reason; a complaint unsubscribes the
 * person; opens and clicks go through {@link Engagements} so segments and journeys see them.
 */
@ApplicationScoped
public class ProviderEvents {

  private static final int MAX_PROVIDER_ID = 255;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Engagements engagements;

  @Inject Clock clock;

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

  /** Applies the events in order, each in its own commit. */
  Applied apply(long workspaceId, List<DeliveryEvent> events) {
    int applied = 0;
    int duplicates = 0;
    int unknown = 0;
    for (DeliveryEvent event : events) {
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
      case DELIVERED -> metric(r, "delivered", null, e);
      case BOUNCED -> end(r, "bounced", e);
      case FAILED -> end(r, "failed", e);
      case COMPLAINED -> engagements.complained(r, detail(e), e.occurredAt());
      case OPENED -> engagements.reported(r, deliveryId, "opened", null, e.occurredAt());
      case CLICKED ->
          engagements.reported(
              r, deliveryId, "clicked", e.url().isEmpty() ? null : e.url(), e.occurredAt());
    };
  }

  private boolean metric(DeliveryStore.Ref r, String metric, String detail, DeliveryEvent e) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> DeliveryStore.firstMetric(c, r.pk(), metric, e.occurredAt(), detail));
  }

  /** The first bounce or failure: the metric and, for a sent delivery, the end state. */
  private boolean end(DeliveryStore.Ref r, String state, DeliveryEvent e) {
    String reason = detail(e);
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          boolean first = DeliveryStore.firstMetric(c, r.pk(), state, e.occurredAt(), reason);
          if (first) {
            DeliveryStore.reportedEnd(c, r.pk(), state, reason, clock.instant());
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
