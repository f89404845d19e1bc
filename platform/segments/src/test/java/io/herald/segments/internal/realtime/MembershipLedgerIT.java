package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.LOGIN_WITHIN_AN_HOUR;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.members;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.testing.RequiresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger's batched writes on a real database: the enters of many segments in one statement,
 * exits per segment, change rows in the given order, enters into a deleted segment dropped, and a
 * change that is not real failing the transaction.
 */
@RequiresTestDatabase
class MembershipLedgerIT {

  private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");

  private final long ws = freshWorkspace();

  @Test
  void entersAndExitsOfSeveralSegmentsApplyTogetherAndAreRecordedInTheGivenOrder()
      throws Exception {
    long a = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    long b = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    apply(List.of(enter(a, "p2"), enter(a, "p1"), enter(b, "p1")));

    List<Applied> applied =
        apply(List.of(enter(b, "p3"), exit(a, "p2"), exit(b, "p1"), enter(a, "p3")));

    assertThat(applied)
        .containsExactly(enter(b, "p3"), exit(a, "p2"), exit(b, "p1"), enter(a, "p3"));
    assertThat(members(a)).containsExactly("p1", "p3");
    assertThat(members(b)).containsExactly("p3");
    assertThat(changes(a))
        .containsExactly(
            "p2 entered event", "p1 entered event", "p2 exited event", "p3 entered event");
    assertThat(changes(b))
        .containsExactly("p1 entered event", "p3 entered event", "p1 exited event");
  }

  @Test
  void entersIntoASegmentDeletedMeanwhileAreDroppedAndTheOthersApply() throws Exception {
    long kept = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    long deleted = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    try (Connection c = dataSource().getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM segments_segment WHERE id = ?")) {
      delete.setLong(1, deleted);
      delete.executeUpdate();
    }

    List<Applied> applied =
        apply(List.of(enter(deleted, "p1"), enter(kept, "p1"), enter(deleted, "p2")));

    assertThat(applied).containsExactly(enter(kept, "p1"));
    assertThat(members(kept)).containsExactly("p1");
    assertThat(changes(kept)).containsExactly("p1 entered event");
    assertThat(changes(deleted)).isEmpty();
  }

  @Test
  void anEnterOfSomeoneAlreadyAMemberFailsAndTheTransactionChangesNothing() throws Exception {
    long a = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    long b = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    apply(List.of(enter(a, "p1")));

    assertThatThrownBy(() -> apply(List.of(enter(b, "p1"), enter(a, "p1"))))
        .hasStackTraceContaining("someone to add was already a member");

    assertThat(members(a)).containsExactly("p1");
    assertThat(members(b)).isEmpty();
    assertThat(changes(b)).isEmpty();
  }

  @Test
  void moreChangesThanOneStatementTakesApplyInSeveral() throws Exception {
    long a = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    long b = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    List<Applied> many = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      many.add(enter(a, String.format("p%04d", i)));
      many.add(enter(b, String.format("p%04d", i)));
    }

    assertThat(apply(many)).hasSize(3_000);

    assertThat(members(a)).hasSize(1_500);
    assertThat(members(b)).hasSize(1_500);
    assertThat(changes(a)).hasSize(1_500).first().isEqualTo("p0000 entered event");
  }

  private List<Applied> apply(List<Applied> changes) {
    return Jdbc.inTransaction(dataSource(), c -> MembershipLedger.applyAll(c, changes, T));
  }

  private Applied enter(long segment, String cio) {
    return new Applied(ws, segment, cio, true, "event");
  }

  private Applied exit(long segment, String cio) {
    return new Applied(ws, segment, cio, false, "event");
  }
}
