package io.herald.events.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/** Stores and reads the delivery metrics clients report. */
public interface DeliveryMetrics {

  /** Stores {@code metric}. */
  void record(WorkspaceId workspace, DeliveryMetric metric);

  /** The metrics reported for {@code deliveryId}, oldest first. */
  List<DeliveryMetric> of(WorkspaceId workspace, String deliveryId);
}
