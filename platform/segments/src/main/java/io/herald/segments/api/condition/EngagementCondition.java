package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * Leaf: the person had a message engagement ({@link Metric}) a number of times within a window: for
 * one message ({@code messageId}), one campaign ({@code campaignId}), or any message (both {@code
 * null}). Engagements are recorded by messaging (issue #5) through {@code
 * io.herald.segments.api.EngagementRecorder}. With a {@code messageId}, only engagements with that
 * exact message id count; with a {@code campaignId}, only those with that exact campaign id. The
 * {@link Window} and {@link Count} work as for events.
 *
 * @param metric what happened
 * @param messageId the message (template/action) id, or {@code null}
 * @param campaignId the campaign or journey id, or {@code null}
 * @param count how many engagements
 * @param window when
 */
public record EngagementCondition(
    Metric metric, String messageId, String campaignId, Count count, Window window)
    implements Condition {

  /** A delivery event of a message. */
  public enum Metric {
    /** The message was delivered to the person. */
    RECEIVED("received"),
    /** The person opened it. */
    OPENED("opened"),
    /** The person clicked a link in it. */
    CLICKED("clicked"),
    /** The person converted (met the conversion goal) after it. */
    CONVERTED("converted"),
    /** The person unsubscribed from it. */
    UNSUBSCRIBED("unsubscribed");

    private final String wireName;

    Metric(String wireName) {
      this.wireName = wireName;
    }

    /** The name in condition JSON. */
    public String wireName() {
      return wireName;
    }
  }

  /** Requires metric, count and window; at most one of message and campaign. */
  public EngagementCondition {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(window, "window");
    if (messageId != null && campaignId != null) {
      throw new IllegalArgumentException("name a message or a campaign, not both");
    }
  }
}
