package io.herald.events.api;

import java.util.List;

/** An event broke a limit or a type rule; nothing was recorded. */
public class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** The problems, each naming the field and the reason. */
  public InvalidEventException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming the field and the reason. */
  public List<String> problems() {
    return problems;
  }
}
