package io.herald.objects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What happens to a merged-away person's relationships: those to objects the primary is not related
 * to move to the primary; those to objects the primary is already related to are dropped (the
 * primary's own relationship, with its attributes, wins).
 *
 * @param move relationships (primary keys) to hand to the primary
 * @param drop relationships (primary keys) to delete
 */
record RelationshipMerge(List<Long> move, List<Long> drop) {

  /**
   * One secondary relationship.
   *
   * @param relationship its primary key
   * @param object the related object's primary key
   */
  record Entry(long relationship, long object) {}

  static RelationshipMerge plan(List<Entry> secondary, Set<Long> primaryObjects) {
    List<Long> move = new ArrayList<>();
    List<Long> drop = new ArrayList<>();
    for (Entry e : secondary) {
      (primaryObjects.contains(e.object()) ? drop : move).add(e.relationship());
    }
    return new RelationshipMerge(List.copyOf(move), List.copyOf(drop));
  }
}
