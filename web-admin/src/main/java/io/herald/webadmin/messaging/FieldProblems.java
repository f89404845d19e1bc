package io.herald.webadmin.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of an {@code InvalidMessageException}, placed on the form fields they name. The
 * messaging module starts each problem with the field's API name ({@code subject must not be
 * empty}, {@code trigger_name … is already used}); a problem naming no known field is general.
 *
 * @param byField the problems of each known field, joined with "; "
 * @param general the problems that name no known field
 */
public record FieldProblems(Map<String, String> byField, List<String> general)
    implements java.io.Serializable {

  /** No problems. */
  public static final FieldProblems NONE = new FieldProblems(Map.of(), List.of());

  /** Copies the collections. */
  public FieldProblems {
    byField = Map.copyOf(byField);
    general = List.copyOf(general);
  }

  /** Sorts {@code problems} by the field each starts with, out of {@code fields}. */
  public static FieldProblems of(List<String> problems, Set<String> fields) {
    Map<String, String> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (String problem : problems) {
      String field = leadingWord(problem);
      if (fields.contains(field)) {
        byField.merge(field, problem, (a, b) -> a + "; " + b);
      } else {
        general.add(problem);
      }
    }
    return new FieldProblems(byField, general);
  }

  /** The problem of {@code field}, or null. */
  public String field(String field) {
    return byField.get(field);
  }

  /** Whether there is no problem at all. */
  public boolean isEmpty() {
    return byField.isEmpty() && general.isEmpty();
  }

  private static String leadingWord(String problem) {
    int end = 0;
    while (end < problem.length()
        && (Character.isLetterOrDigit(problem.charAt(end)) || problem.charAt(end) == '_')) {
      end++;
    }
    return problem.substring(0, end);
  }
}
