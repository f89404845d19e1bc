package io.herald.segments.internal;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.SegmentCondition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The segments of one workspace and which segments each data segment's conditions name ({@code
 * segment} leaves): what a new tree is checked against (every segment it names exists; no cycle),
 * and what a deletion is checked against (no data segment names the segment).
 */
final class SegmentGraph {

  /**
   * A {@code segment} leaf of a tree.
   *
   * @param segmentId the segment it names
   * @param path its {@code id} as a JSON path of the condition document ({@code
   *     $.condition.and[1].segment.id})
   */
  record SegmentLeaf(long segmentId, String path) {}

  private final Set<Long> ids;
  private final Map<Long, Set<Long>> references;

  /**
   * @param ids every segment of the workspace
   * @param references for each data segment, the segments its conditions name
   */
  SegmentGraph(Set<Long> ids, Map<Long, Set<Long>> references) {
    this.ids = Set.copyOf(ids);
    Map<Long, Set<Long>> copy = new HashMap<>();
    references.forEach((id, named) -> copy.put(id, Set.copyOf(named)));
    this.references = Map.copyOf(copy);
  }

  /** The graph of these segments (their stored conditions are parsed). */
  static SegmentGraph of(List<Segment> segments) {
    Set<Long> ids = new LinkedHashSet<>();
    Map<Long, Set<Long>> references = new HashMap<>();
    for (Segment segment : segments) {
      ids.add(segment.id());
      segment
          .conditionDocument()
          .ifPresent(
              doc -> {
                Set<Long> named = new LinkedHashSet<>();
                leaves(doc).forEach(leaf -> named.add(leaf.segmentId()));
                references.put(segment.id(), named);
              });
    }
    return new SegmentGraph(ids, references);
  }

  /**
   * Checks a tree for the segment {@code self} (empty for a segment not stored yet, or a preview):
   * every segment leaf names a segment of the workspace, and none leads back to {@code self}.
   *
   * @throws InvalidConditionException naming the path of the first offending leaf
   */
  void check(Optional<Long> self, ConditionDocument doc) {
    for (SegmentLeaf leaf : leaves(doc)) {
      long named = leaf.segmentId();
      if (self.isPresent() && named == self.get()) {
        throw new InvalidConditionException(
            leaf.path(), "a segment cannot be a condition of itself (segment " + named + ")");
      }
      if (!ids.contains(named)) {
        throw new InvalidConditionException(
            leaf.path(), "no segment with id " + named + " in this workspace");
      }
      if (self.isPresent()) {
        Optional<List<Long>> chain = chain(named, self.get());
        if (chain.isPresent()) {
          throw new InvalidConditionException(
              leaf.path(),
              "segment "
                  + named
                  + " depends on this segment ("
                  + String.join(" → ", chain.get().stream().map(String::valueOf).toList())
                  + "), which would make a cycle");
        }
      }
    }
  }

  /** The data segments whose conditions name {@code segmentId}, by id. */
  List<Long> referrers(long segmentId) {
    Set<Long> found = new TreeSet<>();
    references.forEach(
        (id, named) -> {
          if (named.contains(segmentId) && id != segmentId) {
            found.add(id);
          }
        });
    return List.copyOf(found);
  }

  /** The shortest chain of references from {@code from} to {@code to}, both included. */
  Optional<List<Long>> chain(long from, long to) {
    Map<Long, Long> reachedFrom = new HashMap<>();
    Deque<Long> queue = new ArrayDeque<>();
    queue.add(from);
    reachedFrom.put(from, from);
    while (!queue.isEmpty()) {
      long at = queue.removeFirst();
      if (at == to) {
        List<Long> path = new ArrayList<>();
        for (long step = to; ; step = reachedFrom.get(step)) {
          path.add(step);
          if (step == from) {
            break;
          }
        }
        Collections.reverse(path);
        return Optional.of(path);
      }
      for (long next : references.getOrDefault(at, Set.of())) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, at);
          queue.addLast(next);
        }
      }
    }
    return Optional.empty();
  }

  /** The segment leaves of a tree, in document order, with the JSON paths ConditionJson uses. */
  static List<SegmentLeaf> leaves(ConditionDocument doc) {
    List<SegmentLeaf> found = new ArrayList<>();
    collect(doc.root(), "$.condition", found);
    return found;
  }

  private static void collect(Condition node, String path, List<SegmentLeaf> found) {
    if (node instanceof All all) {
      for (int i = 0; i < all.conditions().size(); i++) {
        collect(all.conditions().get(i), path + ".and[" + i + "]", found);
      }
    } else if (node instanceof Any any) {
      for (int i = 0; i < any.conditions().size(); i++) {
        collect(any.conditions().get(i), path + ".or[" + i + "]", found);
      }
    } else if (node instanceof Not not) {
      collect(not.condition(), path + ".not", found);
    } else if (node instanceof SegmentCondition segment) {
      found.add(new SegmentLeaf(segment.segmentId(), path + ".segment.id"));
    }
  }
}
