package io.herald.segments.api.condition;

/**
 * Leaf: the person has at least one device on {@code platform} (any platform when {@code null})
 * whose push state is {@code pushEnabled} (any when {@code null}). A device is push-enabled unless
 * its {@code push_enabled} attribute is {@code false} or {@code "false"}. Platforms compare exactly
 * (case sensitive).
 *
 * @param platform {@code ios}, {@code android} (the people module's device platforms), or {@code
 *     null}
 * @param pushEnabled {@code true}, {@code false} or {@code null}
 */
public record DeviceCondition(String platform, Boolean pushEnabled) implements Condition {}
