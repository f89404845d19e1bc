/**
 * Quartz lives here and nowhere else: a clustered JDBC scheduler for cluster-wide tasks, an
 * in-memory one per node for per-node tasks, the job adapter that runs {@link
 * io.herald.scheduling.api.RecurringTask} beans, and the node heartbeat and registry.
 */
package io.herald.scheduling.internal;
