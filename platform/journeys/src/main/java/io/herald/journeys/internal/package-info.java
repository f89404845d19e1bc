/**
 * The journeys engine: definitions stored as JSON per version ({@link JourneyStore}), runs, their
 * step log and timers ({@link RunStore}), executed one step per transaction ({@link StepRunner}) by
 * pollers that claim due timers with {@code SKIP LOCKED} ({@link TimerPoller}), and fed by the
 * events change feed and the segments membership journal ({@link Triggers}).
 */
package io.herald.journeys.internal;
