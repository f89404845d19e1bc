package io.herald.messaging.api;

import java.time.Instant;

/**
 * A saved subscription topic.
 *
 * @param id its number in the workspace (1, 2, ...; never reused)
 * @param content what the admin wrote
 * @param createdAt when it was created
 * @param updatedAt the last change
 */
public record TopicView(long id, TopicInput content, Instant createdAt, Instant updatedAt) {

  /** The prefix of topic identifiers. */
  public static final String PREFIX = "topic_";

  /**
   * The name people's preferences use for the topic, as Customer.io names it: {@code topic_<id>} in
   * {@code cio_subscription_preferences.topics}.
   */
  public String identifier() {
    return PREFIX + id;
  }
}
