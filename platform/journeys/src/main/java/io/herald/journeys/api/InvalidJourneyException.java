package io.herald.journeys.api;

import java.util.List;

/** A journey document, request or state change is not acceptable; each problem names where. */
public class InvalidJourneyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One problem per item, each {@code "$.path: reason"} (or a plain reason). */
  public InvalidJourneyException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public InvalidJourneyException(String problem) {
    this(List.of(problem));
  }

  /** The problems, in document order. */
  public List<String> problems() {
    return problems;
  }
}
