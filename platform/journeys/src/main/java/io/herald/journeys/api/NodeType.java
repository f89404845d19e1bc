package io.herald.journeys.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of step, with the labels of their outgoing edges ({@code next}: a single node id for
 * the steps with one way on, else an object from label to node id).
 */
public enum NodeType {
  DELAY("delay", true),
  WAIT_UNTIL("wait_until", true, "met", "timeout"),
  TIME_WINDOW("time_window", true),
  BRANCH("branch", false, "true", "false"),
  MULTI_SPLIT("multi_split", false),
  RANDOM_SPLIT("random_split", false),
  SEND_EMAIL("send_email", false),
  SEND_MESSAGE("send_message", false),
  SEND_WEBHOOK("send_webhook", false, "success", "failure"),
  UPDATE_ATTRIBUTE("update_attribute", false),
  ADD_TO_SEGMENT("add_to_segment", false),
  REMOVE_FROM_SEGMENT("remove_from_segment", false),
  UPDATE_OBJECT("update_object", false),
  UPDATE_RELATIONSHIP("update_relationship", false),
  START_JOURNEY("start_journey", false),
  EXIT("exit", false);

  private final String wire;
  private final boolean waits;
  private final List<String> labels;

  NodeType(String wire, boolean waits, String... labels) {
    this.wire = wire;
    this.waits = waits;
    this.labels = List.of(labels);
  }

  /** The JSON form. */
  public String wire() {
    return wire;
  }

  /** Whether a run may wait at this step (a cycle needs one). */
  public boolean waits() {
    return waits;
  }

  /**
   * The fixed edge labels ({@code wait_until}, {@code branch}, {@code send_webhook}); empty for
   * single-exit steps and for the splits, whose labels come from their settings.
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Whether the step sends a message ({@code send_email}, or {@code send_message} on a channel).
   */
  public boolean sends() {
    return this == SEND_EMAIL || this == SEND_MESSAGE;
  }

  /** The type named by its wire form. */
  public static Optional<NodeType> of(String wire) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
  }
}
