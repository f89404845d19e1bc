package io.herald.messaging.internal.render;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one template: so that a template cannot hang or flood the sender.
 *
 * @param maxRenderTime budget of one render call in CPU time of the rendering thread (wall-clock
 *     time where the JVM cannot measure that), checked at every loop iteration and at the end
 * @param maxOutputChars largest rendered output (and largest captured block)
 * @param maxIterations total loop iterations ({@code for}, {@code tablerow}) in one render
 * @param maxTemplateChars largest template source accepted by {@code compile}
 */
public record RenderLimits(
    Duration maxRenderTime, int maxOutputChars, int maxIterations, int maxTemplateChars) {

  /** 2 s, 1 MB of output, 100,000 iterations, 256 KB of source. */
  public static final RenderLimits DEFAULTS =
      new RenderLimits(Duration.ofSeconds(2), 1_000_000, 100_000, 256_000);

  /** Validates that every bound is positive. */
  public RenderLimits {
    Objects.requireNonNull(maxRenderTime, "maxRenderTime");
    if (maxRenderTime.isNegative() || maxRenderTime.isZero()) {
      throw new IllegalArgumentException("maxRenderTime must be positive");
    }
    if (maxOutputChars <= 0 || maxIterations <= 0 || maxTemplateChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
