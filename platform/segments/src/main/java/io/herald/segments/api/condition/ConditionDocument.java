package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * A stored condition tree with the version of the JSON format it was written in. Readers accept
 * every version up to {@link #CURRENT_VERSION}.
 *
 * @param version the format version
 * @param root the tree
 */
public record ConditionDocument(int version, Condition root) {

  /** The format version this build writes. */
  public static final int CURRENT_VERSION = 1;

  /** The deepest tree accepted: the root is at depth 1. */
  public static final int MAX_DEPTH = 20;

  /** Requires the tree and a known version. */
  public ConditionDocument {
    Objects.requireNonNull(root, "root");
    if (version < 1 || version > CURRENT_VERSION) {
      throw new IllegalArgumentException("unknown condition format version " + version);
    }
  }

  /** A document in the current version. */
  public static ConditionDocument of(Condition root) {
    return new ConditionDocument(CURRENT_VERSION, root);
  }
}
