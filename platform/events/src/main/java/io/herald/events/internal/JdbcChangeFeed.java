package io.herald.events.internal;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.RecordedEvent;
import io.herald.shared.feed.FeedCursor;
import io.herald.shared.feed.FeedWindow;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Override
  public FeedBatch read(String consumer, int max) {
    FeedCursor.Slice<RecordedEvent> slice =
        CURSOR.read(dataSource, consumer, EventReader.SELECT, settleSeconds, max, EventReader::map);
    return new FeedBatch(slice.position(), slice.entries());
  }

  @Override
  public void acknowledge(String consumer, FeedBatch batch) {
    CURSOR.acknowledge(dataSource, consumer, batch.position());
  }

  @Override
  public long position(String consumer) {
    return CURSOR.position(dataSource, consumer);
  }

  @Override
  public long startAtEnd(String consumer) {
    return CURSOR.startAtEnd(dataSource, consumer);
  }
}
