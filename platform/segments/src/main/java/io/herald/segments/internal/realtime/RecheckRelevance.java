package io.herald.segments.internal.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Of the re-check requests claimed by a fold, those a data segment may answer differently: a
 * workspace without data segments needs none, and an engagement or device change only those of the
 * segments that read engagements or devices (or read such a segment). The others are deleted
 * without a re-check: a message's {@code received} engagement in a workspace that has no engagement
 * segment costs no evaluation. The index is read after the requests were claimed, so a segment
 * created later is built from data that already holds what they were about.
 */
final class RecheckRelevance implements UnaryOperator<List<PersonRows.Due>> {

  private final SegmentIndexes indexes;

  RecheckRelevance(SegmentIndexes indexes) {
    this.indexes = indexes;
  }

  @Override
  public List<PersonRows.Due> apply(List<PersonRows.Due> requested) {
    indexes.refresh();
    List<PersonRows.Due> relevant = new ArrayList<>(requested.size());
    for (PersonRows.Due d : requested) {
      if (relevant(indexes.of(d.workspaceId()), d.cause())) {
        relevant.add(d);
      }
    }
    return relevant;
  }

  /**
   * Whether a request of {@code cause} about a person of the workspace may change a data segment,
   * by the indexes as they are now.
   */
  boolean relevant(long workspaceId, String cause) {
    indexes.refresh();
    return relevant(indexes.of(workspaceId), cause);
  }

  private static boolean relevant(SegmentIndex index, String cause) {
    return switch (cause == null ? "" : cause) {
      case "engagement" -> !index.affected(List.of(new Trigger.Engagement())).isEmpty();
      case "device" -> !index.affected(List.of(new Trigger.Device())).isEmpty();
      default -> !index.isEmpty();
    };
  }
}
