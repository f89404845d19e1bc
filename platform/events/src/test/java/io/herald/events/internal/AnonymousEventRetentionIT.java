package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention of never-identified anonymous events, on a real MariaDB (embedded). */
class AnonymousEventRetentionIT extends EventsDatabaseTest {

  private static final Instant CUTOFF = Instant.parse("2026-10-30T00:00:00Z");
  private static final Instant OLD = CUTOFF.minusSeconds(3600);
  private static final Instant RECENT = CUTOFF.plusSeconds(3600);

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM events_event");
      s.executeUpdate("DELETE FROM events_feed_cursor");
    }
  }

  @Test
  void deletesOnlyOldEventsOfVisitorsNeverIdentified() throws SQLException {
    insert("old-anonymous", null, "anon-1", OLD);
    insert("old-identified", "cio1", "anon-2", OLD);
    insert("old-person", "cio1", null, OLD);
    insert("recent-anonymous", null, "anon-3", RECENT);

    int deleted = new AnonymousEventRetention(dataSource, 100).purge(CUTOFF);

    assertThat(deleted).isEqualTo(1);
    assertThat(names()).containsExactly("old-identified", "old-person", "recent-anonymous");
  }

  @Test
  void walksInChunksAndResumesWhereTheLastRunStopped() throws SQLException {
    for (int i = 0; i < 7; i++) {
      insert("old-" + i, null, "anon", OLD);
    }
    insert("recent", null, "anon", RECENT);
    insert("old-after-recent", null, "anon", OLD);
    AnonymousEventRetention retention = new AnonymousEventRetention(dataSource, 3);

    assertThat(retention.purge(CUTOFF)).isEqualTo(7);
    // The walk stops at the first recent event: what follows it waits for the next run.
    assertThat(names()).containsExactly("recent", "old-after-recent");
    assertThat(retention.purge(CUTOFF)).isZero();

    // Once the recent event is old too, the next run continues from the saved position.
    assertThat(retention.purge(RECENT.plusSeconds(1))).isEqualTo(2);
    assertThat(names()).isEmpty();
  }

  @Test
  void anEventLinkedToAPersonAfterBeingWalkedPastIsKept() throws SQLException {
    insert("linked-later", null, "anon", OLD);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE events_event SET person_cio_id = 'cio9' WHERE anonymous_id = 'anon'");
    }

    assertThat(new AnonymousEventRetention(dataSource, 10).purge(CUTOFF)).isZero();
    assertThat(names()).containsExactly("linked-later");
  }

  private static void insert(String name, String cioId, String anonymousId, Instant receivedAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO events_event (workspace_id, person_cio_id, anonymous_id, name, type,"
                    + " source, occurred_at, received_at, data) VALUES (1, ?, ?, ?, 'event',"
                    + " 'test', ?, ?, '{}')")) {
      p.setString(1, cioId);
      p.setString(2, anonymousId);
      p.setString(3, name);
      p.setTimestamp(4, Timestamp.from(receivedAt));
      p.setTimestamp(5, Timestamp.from(receivedAt));
      p.executeUpdate();
    }
  }

  private static List<String> names() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM events_event ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
