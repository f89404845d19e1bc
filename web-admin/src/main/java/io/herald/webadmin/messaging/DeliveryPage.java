package io.herald.webadmin.messaging;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.MessageService;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery ({@code delivery.xhtml?id=}): state and reason, channel, recipient, subject, the
 * person and message it belongs to, the provider's id and attempts, and its metrics as a timeline
 * (created, attempted, sent, delivered, opened, clicked, bounced, spammed, …) oldest first.
 * Read-only.
 */
@Named
@RequestScoped
public class DeliveryPage {

  /**
   * One metric of the timeline.
   *
   * @param metric its name, e.g. {@code sent}
   * @param at when it happened
   */
  public record MetricRow(String metric, Instant at) {}

  @Inject MessageService messaging;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String id;
  private DeliveryView delivery;
  private List<MetricRow> timeline = List.of();

  /** Loads the delivery {@code id} names (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see deliveries.");
      return;
    }
    Optional<WorkspaceId> ws = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (id == null || id.isBlank() || ws.isEmpty()) {
      messages.error("Name a delivery: delivery.xhtml?id=<delivery id>.");
      return;
    }
    delivery = messaging.delivery(ws.get(), id).orElse(null);
    if (delivery == null) {
      messages.error("There is no delivery " + id + ".");
      return;
    }
    timeline = timeline(delivery.metrics());
  }

  /** The metrics oldest first; metrics at the same instant keep the pipeline's order. */
  static List<MetricRow> timeline(Map<String, Instant> metrics) {
    List<String> order =
        List.of(
            "created",
            "attempted",
            "sent",
            "delivered",
            "opened",
            "clicked",
            "unsubscribed",
            "bounced",
            "spammed",
            "failed",
            "dropped");
    Comparator<MetricRow> byStep =
        Comparator.comparingInt(
            r -> order.contains(r.metric()) ? order.indexOf(r.metric()) : order.size());
    return metrics.entrySet().stream()
        .map(e -> new MetricRow(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(MetricRow::at).thenComparing(byStep))
        .toList();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The delivery, null when none was found. */
  public DeliveryView getDelivery() {
    return delivery;
  }

  public List<MetricRow> getTimeline() {
    return timeline;
  }
}
