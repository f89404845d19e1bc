package io.herald.segments.internal.sql;

import javax.sql.DataSource;

/** The SQL compiler's {@link SegmentQueries} for tests of other packages (rebuilds). */
public final class SqlSegmentQueriesFactory {

  private SqlSegmentQueriesFactory() {}

  /** Queries on {@code dataSource}, reading people's time zones 1000 at a time. */
  public static SegmentQueries on(DataSource dataSource) {
    return new SqlSegmentQueries(dataSource, 1000);
  }

  /** A rebuild's set computations on {@code dataSource}. */
  public static RebuildSets sets(DataSource dataSource) {
    return new SqlRebuildSets(dataSource);
  }
}
