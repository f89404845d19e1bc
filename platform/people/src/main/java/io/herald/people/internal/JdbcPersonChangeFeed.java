package io.herald.people.internal;

import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonChangeFeed;
import io.herald.shared.feed.FeedCursor;
import io.herald.shared.feed.FeedPositions;
import io.herald.shared.feed.FeedWindow;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The change feed over {@code people_change}, with positions in {@code people_change_cursor}. */
@ApplicationScoped
public class JdbcPersonChangeFeed implements PersonChangeFeed {

  private static final FeedCursor CURSOR =
      new FeedCursor("people_change", "people_change_cursor", "people change feed");

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** Seconds after which a hole in the ids is certainly permanent (see {@link FeedWindow}). */
  @Inject
  @ConfigProperty(name = "herald.people.feed-settle-seconds", defaultValue = "30")
  int settleSeconds;

  @Inject Clock clock;

  private FeedPositions positions;

  /** For CDI. */
  public JdbcPersonChangeFeed() {}

  /** For tests outside a container. */
  public JdbcPersonChangeFeed(DataSource dataSource, int settleSeconds) {
    this.dataSource = dataSource;
    this.settleSeconds = settleSeconds;
  }

  /**
   * For tests outside a container: positions advanced in memory are stored after {@code saveEvery}.
   */
  public JdbcPersonChangeFeed(
      DataSource dataSource, int settleSeconds, Clock clock, Duration saveEvery) {
    this.dataSource = dataSource;
    this.settleSeconds = settleSeconds;
    this.positions = new FeedPositions(CURSOR, dataSource, clock, saveEvery);
  }

  @Override
  public Batch read(String consumer, int max) {
    FeedCursor.Slice<Entry> slice =
        positions()
            .read(
                consumer,
                "SELECT id, workspace_id, person_cio_id, kind, changed_at, data",
                settleSeconds,
                max,
                rs ->
                    new Entry(
                        rs.getLong("workspace_id"),
                        new PersonChange(
                            rs.getLong("id"),
                            rs.getString("person_cio_id"),
                            rs.getString("kind"),
                            rs.getTimestamp("changed_at").toInstant(),
                            json(rs.getString("data")))));
    return new Batch(slice.position(), slice.entries());
  }

  @Override
  public void acknowledge(String consumer, Batch batch) {
    positions().acknowledge(consumer, batch.position());
  }

  @Override
  public void acknowledge(Connection transaction, String consumer, Batch batch)
      throws SQLException {
    positions().acknowledge(transaction, consumer, batch.position());
  }

  @Override
  public void advance(String consumer, Batch batch) {
    positions().advance(consumer, batch.position());
  }

  @Override
  public long position(String consumer) {
    return positions().position(consumer);
  }

  /**
   * The node's consumer positions (created on first use: fields are injected after construction).
   */
  private FeedPositions positions() {
    synchronized (this) {
      if (positions == null) {
        positions =
            new FeedPositions(
                CURSOR,
                dataSource,
                clock == null ? Clock.systemUTC() : clock,
                FeedPositions.SAVE_EVERY);
      }
      return positions;
    }
  }

  /** Stores the positions advanced in memory only. */
  @PreDestroy
  void saveAll() {
    positions().saveAll();
  }

  @Override
  public long startAtEnd(String consumer) {
    return CURSOR.startAtEnd(dataSource, consumer);
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
