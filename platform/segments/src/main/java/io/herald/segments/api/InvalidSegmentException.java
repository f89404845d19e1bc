package io.herald.segments.api;

import java.util.List;

/** The request breaks a rule (limits, types); nothing was written. */
public class InvalidSegmentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One message per problem, each naming the field and the reason. */
  public InvalidSegmentException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each naming the field and the reason. */
  public List<String> problems() {
    return problems;
  }
}
