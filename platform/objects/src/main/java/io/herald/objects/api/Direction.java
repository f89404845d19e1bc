package io.herald.objects.api;

/** Which side of object-to-object relationships to list. */
public enum Direction {
  /** The objects this object is the parent of. */
  CHILDREN,
  /** The objects this object is a child of. */
  PARENTS
}
