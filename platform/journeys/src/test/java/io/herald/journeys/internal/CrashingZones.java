package io.herald.journeys.internal;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The recorded effects, except that reading one chosen person's zone fails once, as if the node
 * died in the middle of a broadcast's transaction.
 */
final class CrashingZones implements Effects {

  private final Effects delegate;
  private final AtomicReference<String> crashAt = new AtomicReference<>();

  CrashingZones(Effects delegate) {
    this.delegate = delegate;
  }

  /** The next zone read of this person fails. */
  void crashAt(String cioId) {
    crashAt.set(cioId);
  }

  @Override
  public ZoneId zoneOf(WorkspaceId ws, String cioId) {
    String chosen = crashAt.get();
    if (cioId.equals(chosen) && crashAt.compareAndSet(chosen, null)) {
      throw new IllegalStateException("the node died reading " + cioId + "'s zone");
    }
    return delegate.zoneOf(ws, cioId);
  }

  @Override
  public String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    return delegate.sendEmail(ws, cioId, settings, data, key);
  }

  @Override
  public String send(
      WorkspaceId ws,
      String cioId,
      String channel,
      JsonObject settings,
      JsonObject data,
      String key) {
    return delegate.send(ws, cioId, channel, settings, data, key);
  }

  @Override
  public Optional<Map<String, Instant>> deliveryMetrics(WorkspaceId ws, String deliveryId) {
    return delegate.deliveryMetrics(ws, deliveryId);
  }

  @Override
  public void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes) {
    delegate.updateAttributes(ws, cioId, attributes);
  }

  @Override
  public void segment(WorkspaceId ws, long segmentId, String cioId, boolean add) {
    delegate.segment(ws, segmentId, cioId, add);
  }

  @Override
  public boolean matches(WorkspaceId ws, String cioId, ConditionDocument conditions, Instant now) {
    return delegate.matches(ws, cioId, conditions, now);
  }
}
