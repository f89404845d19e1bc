package io.herald.shared.feed;

import java.util.List;

/**
 * Decides how far a change-feed consumer may read. Ids come from AUTO_INCREMENT, which hands them
 * out at insert time, not commit time: a row with a higher id may commit before a lower one, and a
 * rolled-back or ignored insert leaves a hole for ever. A hole is therefore passed only once it is
 * settled: the row after it was inserted longer ago than any ingestion transaction may stay open
 * (the writer bounds its lock waits), so whatever owned the missing id has ended.
 */
public final class FeedWindow {

  /** An id and whether the row was inserted long enough ago to settle any hole before it. */
  public record Row(long id, boolean settled) {}

  private FeedWindow() {}

  /**
   * How many of {@code rows} (ascending ids, all above {@code position}) a consumer at {@code
   * position} may take now.
   */
  public static int safePrefix(long position, List<Row> rows) {
    long expected = position + 1;
    int taken = 0;
    for (Row row : rows) {
      if (row.id() != expected && !row.settled()) {
        break;
      }
      taken++;
      expected = row.id() + 1;
    }
    return taken;
  }
}
