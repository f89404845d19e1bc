package io.herald.messaging.api;

/**
 * A subscription topic as the admin writes it (Customer.io's subscription center).
 *
 * @param name the name people see on the preferences page
 * @param description a line under the name, may be empty
 * @param subscribedByDefault true for an opt-out topic (people get its messages unless they said
 *     no), false for an opt-in topic (only people who said yes get them)
 * @param position order on the preferences page, lower first
 */
public record TopicInput(
    String name, String description, boolean subscribedByDefault, int position) {

  /** Empty description for null. */
  public TopicInput {
    description = description == null ? "" : description;
  }
}
