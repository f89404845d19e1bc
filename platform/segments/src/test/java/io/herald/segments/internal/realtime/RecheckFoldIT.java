package io.herald.segments.internal.realtime;

import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Folding re-check requests into the re-check timers: every requested person becomes due now with
 * the cause of their first request (an earlier pending re-check keeps its time and cause), the
 * requests are deleted, and a batch of people is written with one statement, not one per person.
 */
class RecheckFoldIT {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();

  @Test
  void requestsBecomeDueNowInOneStatementAndAreDeleted() throws SQLException {
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      people.add(String.format("f%03d", i));
    }
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          // An earlier re-check wins over the fold's "now"; a later one is brought forward.
          upsert(c, "f000", NOW.minusSeconds(60), "time");
          upsert(c, "f001", NOW.plusSeconds(3600), "time");
          for (String p : people) {
            request(p, "engagement");
          }
          request("f002", "event"); // a second request: the first one's cause is kept
          return null;
        });
    CountingDataSource counting = new CountingDataSource(dataSource());

    int folded = Jdbc.inTransaction(counting, c -> PersonRows.foldRequests(c, NOW, 10_000));

    assertThat(folded).isGreaterThanOrEqualTo(121);
    assertThat(cause("f000")).isEqualTo("time@" + NOW.minusSeconds(60));
    assertThat(cause("f001")).isEqualTo("engagement@" + NOW);
    assertThat(cause("f002")).isEqualTo("engagement@" + NOW);
    assertThat(cause("f119")).isEqualTo("engagement@" + NOW);
    assertThat(requestsLeft()).isZero();
    assertThat(counting.statements())
        .as("select, one upsert for the whole batch, delete")
        .isEqualTo(3);
  }

  @Test
  void requestsNoDataSegmentCouldAnswerAreDeletedWithoutAReCheck() throws SQLException {
    long other = freshWorkspace();
    // ws: only a segment on an attribute; other: a segment on received messages.
    RealtimeTestDatabase.dataSegment(
        ws,
        "{\"version\":1,\"condition\":{\"attribute\":{\"name\":\"plan\",\"operator\":\"exists\"}}}");
    RealtimeTestDatabase.dataSegment(
        other, "{\"version\":1,\"condition\":{\"engagement\":{\"metric\":\"received\"}}}");
    long none = freshWorkspace(); // no data segment at all
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          request(ws, "e1", "engagement"); // no segment of ws reads engagements
          request(ws, "d1", "device"); // nor devices
          request(ws, "m1", "merge"); // anything may change: the attribute segment too
          request(ws, "x1", "engagement");
          request(ws, "x1", "segment"); // a later relevant request still counts
          request(other, "e2", "engagement");
          request(none, "m3", "merge");
          return null;
        });
    RecheckRelevance relevance =
        new RecheckRelevance(new SegmentIndexes(new DataSegmentRepository(dataSource())));

    Jdbc.inTransaction(dataSource(), c -> PersonRows.foldRequests(c, NOW, 10_000, relevance));

    assertThat(scheduled(ws)).containsExactly("m1 merge", "x1 segment");
    assertThat(scheduled(other)).containsExactly("e2 engagement");
    assertThat(scheduled(none)).isEmpty();
    assertThat(requestsLeft()).isZero();
  }

  private List<String> scheduled(long workspace) throws SQLException {
    return Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT cio_id, cause FROM segments_recheck WHERE workspace_id = ?"
                      + " AND due_at IS NOT NULL ORDER BY cio_id")) {
            q.setLong(1, workspace);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
              }
            }
            return rows;
          }
        });
  }

  private void upsert(java.sql.Connection c, String cioId, Instant due, String cause)
      throws SQLException {
    PersonRows.schedule(c, ws, cioId, due, cause);
  }

  private void request(String cioId, String cause) throws SQLException {
    request(ws, cioId, cause);
  }

  private static void request(long workspace, String cioId, String cause) throws SQLException {
    RealtimeTestDatabase.recheckRequest(workspace, cioId, cause, NOW);
  }

  private String cause(String cioId) throws SQLException {
    return Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT cause, due_at FROM segments_recheck WHERE workspace_id = ? AND cio_id = ?")) {
            q.setLong(1, ws);
            q.setString(2, cioId);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getString(1) + "@" + rs.getTimestamp(2).toInstant();
            }
          }
        });
  }

  private long requestsLeft() throws SQLException {
    return Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM segments_recheck_request WHERE workspace_id = ?")) {
            q.setLong(1, ws);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }
}
