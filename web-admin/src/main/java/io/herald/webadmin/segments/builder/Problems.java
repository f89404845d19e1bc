package io.herald.webadmin.segments.builder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What stops a builder tree from becoming a condition tree, node by node: each problem names the
 * condition (by its position, such as {@code 2.1}), the field and the reason.
 */
public final class Problems {

  /**
   * One problem.
   *
   * @param nodeId the builder node it belongs to
   * @param where the condition's position as the builder shows it ({@code Condition 2.1})
   * @param text the field and the reason ({@code value: 'abc' is not a number})
   */
  public record Problem(int nodeId, String where, String text) implements Serializable {
    /** The whole message, for example {@code Condition 2.1, value: 'abc' is not a number}. */
    public String message() {
      return where + ", " + text;
    }
  }

  private final List<Problem> found = new ArrayList<>();

  /** Reports problems of the node {@code nodeId}, shown as {@code where}. */
  public Scope at(int nodeId, String where) {
    return new Scope(nodeId, where);
  }

  /** Every problem, in tree order. */
  public List<Problem> all() {
    return List.copyOf(found);
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems of one node. */
  public final class Scope {
    private final int nodeId;
    private final String where;

    private Scope(int nodeId, String where) {
      this.nodeId = nodeId;
      this.where = where;
    }

    /** Records that {@code field} is wrong because of {@code reason}. */
    public void add(String field, String reason) {
      found.add(new Problem(nodeId, where, field + ": " + reason));
    }
  }
}
