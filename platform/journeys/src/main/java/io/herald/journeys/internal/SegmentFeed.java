package io.herald.journeys.internal;

import io.herald.shared.feed.FeedCursor;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the segments module's membership journal ({@code segments_membership_change}, its durable
 * outbox for journeys) from journeys' own position: in id order, never past an unsettled hole,
 * acknowledged after handling, so no enter or exit is lost to a crash.
 */
final class SegmentFeed {

  static final String CONSUMER = "journeys.segment-changes";

  private static final FeedCursor CURSOR =
      new FeedCursor(
          "segments_membership_change", "journeys_feed_cursor", "segment membership journal");

  private final DataSource dataSource;
  private final Triggers triggers;
  private final FeedFilter filter;
  private final int settleSeconds;

  SegmentFeed(DataSource dataSource, Triggers triggers, FeedFilter filter, int settleSeconds) {
    this.dataSource = dataSource;
    this.triggers = triggers;
    this.filter = filter;
    this.settleSeconds = settleSeconds;
  }

  /** Starts journeys' position at the journal's current end unless it has one (see workers). */
  long startAtEnd() {
    return CURSOR.startAtEnd(dataSource, CONSUMER);
  }

  /** Handles up to {@code max} changes; returns how many. */
  int step(int max) {
    FeedCursor.Slice<Triggers.MembershipChange> slice =
        CURSOR.read(
            dataSource,
            CONSUMER,
            "SELECT id, workspace_id, segment_id, cio_id, entered, changed_at",
            settleSeconds,
            max,
            rs ->
                new Triggers.MembershipChange(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    Sql.instant(rs, 6)));
    if (slice.entries().isEmpty()) {
      return 0;
    }
    // Only the changes a journey may act on get a transaction (each is checked again under locks).
    List<Triggers.MembershipChange> relevant = filter.membershipChanges(slice.entries());
    if (!relevant.isEmpty()) {
      triggers.onMembershipChanges(relevant);
    }
    CURSOR.acknowledge(dataSource, CONSUMER, slice.position());
    return slice.entries().size();
  }
}
