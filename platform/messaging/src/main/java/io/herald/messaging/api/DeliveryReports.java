package io.herald.messaging.api;

import io.herald.plugin.api.DeliveryEvent;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/**
 * Where a {@link HostChannelProvider} reports what happened to its deliveries (an in-app message
 * opened or clicked), as plugins report through their callbacks: each event is matched by the
 * provider message id its send returned, within the workspace, and recorded once per delivery and
 * kind (metric, engagement for segments, person event).
 */
public interface DeliveryReports {

  /**
   * Applies the events in order.
   *
   * @return how many were new for their delivery (unknown ids and repeats are ignored)
   */
  int report(WorkspaceId workspace, List<DeliveryEvent> events);
}
