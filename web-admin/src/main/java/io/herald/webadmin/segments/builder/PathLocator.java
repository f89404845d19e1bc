package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.InvalidConditionException;
import java.util.List;

/**
 * Finds the builder node an {@link InvalidConditionException} from the segments service points at.
 * Its path is a JSON path into the condition document ({@code
 * $.condition.and[2].or[0].segment.id}); a document converted from the builder has the builder's
 * shape (a NOT adds {@code .not}), so the {@code and[i]} / {@code or[i]} steps lead to the node.
 */
public final class PathLocator {

  private PathLocator() {}

  /** The problem as the builder shows it: on the node the path names, or on the top group. */
  public static Problems.Problem locate(ConditionTree tree, InvalidConditionException e) {
    BuilderNode node = tree.root();
    String label = "";
    String rest = "";
    String path = e.path() == null ? "" : e.path();
    List<String> steps = List.of(path.split("\\."));
    int i = 0;
    while (i < steps.size() && (steps.get(i).equals("$") || steps.get(i).equals("condition"))) {
      i++;
    }
    for (; i < steps.size(); i++) {
      String step = steps.get(i);
      if (step.equals("not")) {
        continue;
      }
      int open = step.indexOf('[');
      String key = open < 0 ? step : step.substring(0, open);
      if ((key.equals("and") || key.equals("or"))
          && step.endsWith("]")
          && node instanceof GroupNode g) {
        int index = parseIndex(step.substring(open + 1, step.length() - 1));
        if (index >= 0 && index < g.getChildren().size()) {
          node = g.getChildren().get(index);
          label = ConditionTree.childLabel(label, index);
          continue;
        }
      }
      rest = String.join(".", steps.subList(i, steps.size()));
      break;
    }
    String where = label.isEmpty() ? "The conditions" : "Condition " + label;
    String text = (rest.isEmpty() ? "" : rest + ": ") + e.reason();
    return new Problems.Problem(node.getId(), where, text);
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException ex) {
      return -1;
    }
  }
}
