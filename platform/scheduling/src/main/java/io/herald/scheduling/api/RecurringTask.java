package io.herald.scheduling.api;

import java.time.Duration;

/**
 * A job that runs again and again. Implement it as an {@code @ApplicationScoped} CDI bean; the
 * scheduling module finds every such bean at start. {@link #run()} is called outside any
 * transaction; open one where needed.
 */
public interface RecurringTask {

  /** Where a task runs. */
  enum Scope {
    /** Once per interval across the whole cluster, on whichever node is free. */
    CLUSTER,
    /** Once per interval on every node (for example the node heartbeat). */
    NODE
  }

  /** A stable dotted name such as {@code scheduling.node-heartbeat}; the Quartz job key. */
  String taskType();

  /** Time between two runs. */
  Duration interval();

  /** Where the task runs. */
  Scope scope();

  /** Does the work. An exception is logged and the task runs again at the next interval. */
  void run() throws Exception;
}
