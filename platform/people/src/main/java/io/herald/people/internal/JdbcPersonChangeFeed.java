package io.herald.people.internal;

import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonChangeFeed;
import io.herald.shared.feed.FeedWindow;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The change feed over {@code people_change}, with positions in {@code people_change_cursor}. */
@ApplicationScoped
public class JdbcPersonChangeFeed implements PersonChangeFeed {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** Seconds after which a hole in the ids is certainly permanent (see {@link FeedWindow}). */
  @Inject
  @ConfigProperty(name = "herald.people.feed-settle-seconds", defaultValue = "30")
  int settleSeconds;

  /** For CDI. */
  public JdbcPersonChangeFeed() {}

  /** For tests outside a container. */
  public JdbcPersonChangeFeed(DataSource dataSource, int settleSeconds) {
    this.dataSource = dataSource;
    this.settleSeconds = settleSeconds;
  }

  @Override
  public Batch read(String consumer, int max) {
    try (Connection c = dataSource.getConnection()) {
      long position = position(c, consumer);
      List<Entry> entries = new ArrayList<>();
      List<FeedWindow.Row> rows = new ArrayList<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT id, workspace_id, person_cio_id, kind, changed_at, data,"
                  + " inserted_at < NOW(3) - INTERVAL ? SECOND AS settled"
                  + " FROM people_change WHERE id > ? ORDER BY id LIMIT ?")) {
        q.setInt(1, settleSeconds);
        q.setLong(2, position);
        q.setInt(3, max);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            entries.add(
                new Entry(
                    rs.getLong("workspace_id"),
                    new PersonChange(
                        rs.getLong("id"),
                        rs.getString("person_cio_id"),
                        rs.getString("kind"),
                        rs.getTimestamp("changed_at").toInstant(),
                        json(rs.getString("data")))));
            rows.add(new FeedWindow.Row(rs.getLong("id"), rs.getBoolean("settled")));
          }
        }
      }
      int safe = FeedWindow.safePrefix(position, rows);
      List<Entry> taken = entries.subList(0, safe);
      return new Batch(safe == 0 ? position : taken.get(safe - 1).change().id(), taken);
    } catch (SQLException e) {
      throw new IllegalStateException("people change feed unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public void acknowledge(String consumer, Batch batch) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO people_change_cursor (consumer, position, updated_at)"
                    + " VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE"
                    + " position = GREATEST(position, VALUES(position)), updated_at = NOW(3)")) {
      upsert.setString(1, consumer);
      upsert.setLong(2, batch.position());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "people change feed position not saved: " + e.getMessage(), e);
    }
  }

  @Override
  public long position(String consumer) {
    try (Connection c = dataSource.getConnection()) {
      return position(c, consumer);
    } catch (SQLException e) {
      throw new IllegalStateException("people change feed unreadable: " + e.getMessage(), e);
    }
  }

  private static long position(Connection c, String consumer) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT position FROM people_change_cursor WHERE consumer = ?")) {
      q.setString(1, consumer);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
