package io.herald.messaging.api;

import java.util.List;

/** A request the messaging module refuses, with one readable problem per field. */
public class InvalidMessageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems, each naming its field. */
  private final List<String> problems;

  /**
   * @param problems one message per problem, each naming the field
   */
  public InvalidMessageException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per problem. */
  public List<String> problems() {
    return problems;
  }
}
