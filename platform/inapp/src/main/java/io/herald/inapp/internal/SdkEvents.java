package io.herald.inapp.internal;

import io.herald.inapp.api.InAppButton;
import io.herald.inapp.api.InAppMessage;
import io.herald.messaging.api.DeliveryReports;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the SDK reports about a message it showed: {@code opened} (shown), {@code clicked} (a URL
 * button) and {@code dismissed}. Each moves the message's state (once: a clicked or dismissed
 * message stays so), and opens and clicks go to messaging's delivery log as a provider's callbacks
 * do (metric, engagement for segments, person event), once per delivery.
 */
@ApplicationScoped
public class SdkEvents {

  /** The events the SDK may report. */
  public static final List<String> EVENTS = List.of("opened", "clicked", "dismissed");

  @Inject InAppStore store;

  @Inject DeliveryReports reports;

  @Inject Clock clock;

  /** Why an event was refused. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    Refused(String message, boolean notFound) {
      super(message);
      this.notFound = notFound;
    }

    /** Whether the message does not exist for the caller (404) rather than a bad request. */
    public boolean notFound() {
      return notFound;
    }
  }

  /**
   * Records an event of the caller's message.
   *
   * @param url for {@code clicked}: the button's URL (must be one of the message's), may be null
   * @return the message's state afterwards
   * @throws Refused for a message of someone else or none, an unknown event or a foreign URL
   */
  public String record(
      WorkspaceId workspace, String cioId, String deliveryId, String event, String url) {
    Optional<InAppMessage> found =
        deliveryId == null || deliveryId.length() > DefaultInAppInbox.MAX_DELIVERY_ID
            ? Optional.empty()
            : store.find(workspace, deliveryId);
    if (found.isEmpty() || !found.get().cioId().equals(cioId)) {
      throw new Refused("in-app message " + deliveryId + " not found", true);
    }
    InAppMessage message = found.get();
    if (!EVENTS.contains(event)) {
      throw new Refused("event must be one of " + String.join(", ", EVENTS), false);
    }
    String link = null;
    if ("clicked".equals(event) && url != null && !url.isEmpty()) {
      boolean known =
          message.content().buttons().stream()
              .anyMatch(b -> InAppButton.URL.equals(b.action()) && b.url().equals(url));
      if (!known) {
        throw new Refused("url is not the URL of a button of this message", false);
      }
      link = url;
    }
    Instant now = clock.instant();
    List<DeliveryEvent> events = new ArrayList<>();
    switch (event) {
      case "opened" -> {
        store.transition(workspace, deliveryId, InAppMessage.SHOWN, null, now);
        events.add(DeliveryEvent.opened(deliveryId, cioId, now));
      }
      case "clicked" -> {
        store.transition(workspace, deliveryId, InAppMessage.CLICKED, link, now);
        events.add(DeliveryEvent.opened(deliveryId, cioId, now));
        events.add(DeliveryEvent.clicked(deliveryId, cioId, link, now));
      }
      default -> store.transition(workspace, deliveryId, InAppMessage.DISMISSED, null, now);
    }
    if (!events.isEmpty()) {
      reports.report(workspace, events);
    }
    return store.find(workspace, deliveryId).map(InAppMessage::state).orElse(message.state());
  }
}
