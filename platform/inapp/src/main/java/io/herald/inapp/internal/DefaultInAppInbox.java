package io.herald.inapp.internal;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppInbox;
import io.herald.inapp.api.InAppMessage;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The queue: rows in {@code inapp_message}, waking the person's long polls on this node. */
@ApplicationScoped
public class DefaultInAppInbox implements InAppInbox {

  /** Longest delivery id. */
  static final int MAX_DELIVERY_ID = 64;

  /** Most messages one SDK answer carries. */
  static final int MAX_SERVED = 20;

  @Inject InAppStore store;

  @Inject LongPolls polls;

  @Inject InAppSettings settings;

  @Inject Clock clock;

  @Override
  public InAppMessage queue(
      WorkspaceId workspace, String cioId, String deliveryId, InAppContent content) {
    Objects.requireNonNull(content, "content");
    if (deliveryId == null || deliveryId.isEmpty() || deliveryId.length() > MAX_DELIVERY_ID) {
      throw new IllegalArgumentException("delivery id must have 1 to 64 characters");
    }
    if (cioId == null || cioId.isEmpty() || cioId.length() > 32) {
      throw new IllegalArgumentException("cio_id must have 1 to 32 characters");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    InAppMessage message =
        store.insert(workspace, cioId, deliveryId, content, now, now.plus(settings.messageTtl()));
    polls.queued(workspace, cioId);
    return message;
  }

  @Override
  public List<InAppMessage> recent(WorkspaceId workspace, String cioId, int limit) {
    return store.recent(workspace, cioId, Math.max(1, Math.min(limit, 100)));
  }

  /** What the SDK receives now: the person's pending messages, oldest first. */
  public List<InAppMessage> pending(WorkspaceId workspace, String cioId) {
    return store.pending(workspace, cioId, clock.instant(), MAX_SERVED);
  }
}
