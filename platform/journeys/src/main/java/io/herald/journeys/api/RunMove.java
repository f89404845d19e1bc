package io.herald.journeys.api;

/**
 * What moving a journey's active runs to its current version did ({@link JourneyService#moveRuns}).
 *
 * @param version the version the runs were moved to
 * @param moved runs now on it (at a node it has: their timers kept, or restarted when the node's
 *     type changed)
 * @param exited runs at a node the version does not have, which exited ({@code
 *     version_removed_node})
 */
public record RunMove(int version, long moved, long exited) {}
