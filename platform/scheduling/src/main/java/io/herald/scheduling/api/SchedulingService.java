package io.herald.scheduling.api;

import java.util.List;

/** What the scheduler is doing, for health checks and the console's Cluster page. */
public interface SchedulingService {

  /** Whether both schedulers (cluster and node) are started. */
  boolean running();

  /** This node's id. */
  String currentNodeId();

  /** Nodes that have sent a heartbeat recently, newest first (includes stale ones). */
  List<NodeView> nodes();

  /** Registered recurring tasks with their firing times. */
  List<TaskView> tasks();
}
