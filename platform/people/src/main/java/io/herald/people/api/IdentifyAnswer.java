package io.herald.people.api;

import java.util.List;

/**
 * What one call of {@link PeopleService#identifyAll} came to: its result, or, when its body broke a
 * limit or a type rule, the problems (and nothing was written for it).
 *
 * @param result the result, {@code null} when the body was invalid
 * @param problems why the body was invalid, empty when it was not
 */
public record IdentifyAnswer(IdentifyResult result, List<String> problems) {

  /** Copies the problems. */
  public IdentifyAnswer {
    problems = List.copyOf(problems);
  }

  /** An applied call's answer. */
  public static IdentifyAnswer of(IdentifyResult result) {
    return new IdentifyAnswer(result, List.of());
  }

  /** An invalid call's answer. */
  public static IdentifyAnswer invalid(List<String> problems) {
    return new IdentifyAnswer(null, problems);
  }
}
