package io.herald.scheduling.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered recurring task and when it fires.
 *
 * @param taskType the task's name
 * @param scope cluster-wide or per node
 * @param interval time between runs
 * @param previousRun last firing, {@code null} before the first
 * @param nextRun next planned firing, {@code null} when not scheduled
 */
public record TaskView(
    String taskType,
    RecurringTask.Scope scope,
    Duration interval,
    Instant previousRun,
    Instant nextRun) {}
