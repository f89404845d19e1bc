/**
 * The console's Cluster page: Herald nodes with their last heartbeat (alive or stale, the answering
 * node marked current) and the recurring tasks with scope, interval and previous and next run, read
 * through the scheduling module's API only.
 */
package io.herald.webadmin.cluster;
