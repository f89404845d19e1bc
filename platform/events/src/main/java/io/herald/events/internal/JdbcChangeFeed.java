package io.herald.events.internal;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.EventHeader;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.HeaderBatch;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.feed.FeedCursor;
import io.herald.shared.feed.FeedPositions;
import io.herald.shared.feed.FeedWindow;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The change feed over {@code events_event}, with positions in {@code events_feed_cursor}. */
@ApplicationScoped
public class JdbcChangeFeed implements ChangeFeed {

  private static final FeedCursor CURSOR =
      new FeedCursor("events_event", "events_feed_cursor", "change feed");

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** Seconds after which a hole in the ids is certainly permanent (see {@link FeedWindow}). */
  @Inject
  @ConfigProperty(name = "herald.events.feed-settle-seconds", defaultValue = "30")
  int settleSeconds;

  @Inject Clock clock;

  private FeedPositions positions;

  /** For CDI. */
  public JdbcChangeFeed() {}

  /**
   * For tests outside a container: positions advanced in memory are stored after {@code saveEvery}.
   */
  public JdbcChangeFeed(DataSource dataSource, int settleSeconds, Clock clock, Duration saveEvery) {
    this.dataSource = dataSource;
    this.settleSeconds = settleSeconds;
    this.positions = new FeedPositions(CURSOR, dataSource, clock, saveEvery);
  }

  @Override
  public FeedBatch read(String consumer, int max) {
    FeedCursor.Slice<RecordedEvent> slice =
        positions().read(consumer, EventReader.SELECT, settleSeconds, max, EventReader::map);
    return new FeedBatch(slice.position(), slice.entries());
  }

  @Override
  public HeaderBatch readHeaders(String consumer, int max) {
    FeedCursor.Slice<EventHeader> slice =
        positions()
            .read(consumer, EventReader.SELECT_HEADER, settleSeconds, max, EventReader::header);
    return new HeaderBatch(slice.position(), slice.entries());
  }

  @Override
  public List<RecordedEvent> events(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    try {
      return new EventReader(dataSource).byIds(ids);
    } catch (SQLException e) {
      throw new IllegalStateException("change feed unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public void acknowledge(String consumer, FeedBatch batch) {
    positions().acknowledge(consumer, batch.position());
  }

  @Override
  public void acknowledge(Connection transaction, String consumer, FeedBatch batch)
      throws SQLException {
    positions().acknowledge(transaction, consumer, batch.position());
  }

  @Override
  public void advance(String consumer, FeedBatch batch) {
    positions().advance(consumer, batch.position());
  }

  @Override
  public long position(String consumer) {
    return positions().position(consumer);
  }

  @Override
  public Map<String, Long> storedPositions() {
    return CURSOR.positions(dataSource);
  }

  @Override
  public void reposition(String consumer, long position) {
    CURSOR.reposition(dataSource, consumer, position);
  }

  @Override
  public void forget(String consumer) {
    CURSOR.forget(dataSource, consumer);
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
}
