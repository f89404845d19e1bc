package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.testing.MigratedTestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's cached segment indexes on a real MariaDB: the cached index stays as it was until a
 * refresh, and {@link SegmentIndexes#current} (what the relationship observer reads, outside the
 * workers' refreshes) always knows a segment created since.
 */
class SegmentIndexesIT {

  private static final String RELATED_TO_TYPE_7 =
      "{\"version\":1,\"condition\":{\"relationship\":{\"object_type_id\":\"7\"}}}";

  private static final List<Trigger> TYPE_7 = List.of(new Trigger.Relationship("7"));

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  @Test
  void theCurrentIndexKnowsASegmentCreatedAfterTheCachedOne() throws SQLException {
    long ws = freshWorkspace();
    SegmentIndexes indexes = new SegmentIndexes(new DataSegmentRepository(dataSource()));
    indexes.refresh();
    assertThat(indexes.of(ws).affected(TYPE_7)).isEmpty();

    long segment = dataSegment(ws, RELATED_TO_TYPE_7);

    assertThat(indexes.of(ws).affected(TYPE_7)).as("cached until a refresh").isEmpty();
    assertThat(indexes.current(ws).affected(TYPE_7))
        .extracting(DataSegment::id)
        .containsExactly(segment);
    assertThat(indexes.of(ws).affected(TYPE_7)).extracting(DataSegment::id).contains(segment);
  }
}
