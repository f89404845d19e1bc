/**
 * The scheduling module's public contract. Modules contribute {@link
 * io.herald.scheduling.api.RecurringTask} beans; the module runs them on Quartz (clustered JDBC
 * store for cluster-wide tasks, one in-memory scheduler per node for per-node tasks). No Quartz
 * type appears here.
 */
package io.herald.scheduling.api;
