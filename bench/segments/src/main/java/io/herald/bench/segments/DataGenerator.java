package io.herald.bench.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the {@link Synthetic} data set straight into Herald's tables (after Herald created them),
 * by JDBC batches of {@value #BATCH} rows rewritten into multi-row inserts, a commit per batch,
 * from {@value #THREADS} threads.
 */
final class DataGenerator {

  private static final int BATCH = 1000;
  private static final int THREADS = 2;

  /**
   * Herald's readers of the events feed that the generated history predates ({@code
   * events_feed_cursor} consumers): the segments engine and the journeys engine.
   */
  static final List<String> HISTORY_CONSUMERS = List.of("segments", "journeys");

  private final Database database;
  private final long workspaceId;
  private final Synthetic data;

  DataGenerator(Database database, long workspaceId, Synthetic data) {
    this.database = database;
    this.workspaceId = workspaceId;
    this.data = data;
  }

  /** What was written and how long it took. */
  record Loaded(long people, long events, long objects, long relationships, double seconds) {}

  Loaded generate(long events) throws Exception {
    long start = System.nanoTime();
    parallel(data.people(), this::people);
    parallel(events, this::events);
    long[] objectPks = objects();
    long relationships = parallel(data.people(), (from, to) -> relationships(from, to, objectPks));
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      // The history predates the engines: they follow the events feed from the end of it, as when
      // data segments are introduced on existing data (full rebuilds cover the history). Without
      // this the journeys engine reads the whole history during the first measurements.
      for (String consumer : HISTORY_CONSUMERS) {
        s.execute(
            "INSERT INTO events_feed_cursor (consumer, position, updated_at) VALUES ('"
                + consumer
                + "', "
                + Database.END_OF_EVENTS
                + ", NOW(3)) ON DUPLICATE KEY UPDATE position = VALUES(position),"
                + " updated_at = NOW(3)");
      }
      for (String table :
          List.of(
              "people_person", "events_event", "objects_object", "objects_person_relationship")) {
        s.execute("ANALYZE TABLE " + table);
      }
    }
    Loaded loaded =
        new Loaded(
            data.people(),
            events,
            objectPks.length,
            relationships,
            (System.nanoTime() - start) / 1e9);
    remember(loaded);
    return loaded;
  }

  /** What the schema holds, for a later run with {@code BENCH_REUSE=1}. */
  private void remember(Loaded loaded) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE bench_meta (generated_at BIGINT NOT NULL, people BIGINT NOT NULL,"
              + " events BIGINT NOT NULL, objects BIGINT NOT NULL, relationships BIGINT NOT NULL)");
      s.execute(
          String.format(
              "INSERT INTO bench_meta VALUES (%d, %d, %d, %d, %d)",
              data.now().getEpochSecond(),
              loaded.people(),
              loaded.events(),
              loaded.objects(),
              loaded.relationships()));
    }
  }

  private long people(long from, long to) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO people_person (workspace_id, cio_id, customer_id, email, email_key,"
                    + " attributes, attribute_timestamps, unsubscribed, created_at, updated_at,"
                    + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      c.setAutoCommit(false);
      Batch batch = new Batch(c, insert);
      for (long p = from; p < to; p++) {
        Timestamp created = Timestamp.from(Instant.ofEpochSecond(data.createdAt(p)));
        insert.setLong(1, workspaceId);
        insert.setString(2, Synthetic.cioId(p));
        insert.setString(3, Synthetic.customerId(p));
        insert.setString(4, Synthetic.email(p));
        insert.setString(5, Synthetic.email(p));
        insert.setString(6, data.attributes(p));
        insert.setString(7, data.attributeTimestamps(p));
        insert.setBoolean(8, data.unsubscribed(p));
        insert.setTimestamp(9, created);
        insert.setTimestamp(10, created);
        batch.add();
      }
      return batch.finish();
    }
  }

  private long events(long from, long to) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO events_event (workspace_id, person_cio_id, name, type, source,"
                    + " occurred_at, received_at, data, inserted_at) VALUES (?, ?, ?, 'event',"
                    + " 'track_v1', ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      Batch batch = new Batch(c, insert);
      for (long n = from; n < to; n++) {
        Timestamp at = Timestamp.from(data.eventTime(n));
        insert.setLong(1, workspaceId);
        insert.setString(2, Synthetic.cioId(data.eventPerson(n)));
        insert.setString(3, data.eventName(n));
        insert.setTimestamp(4, at);
        insert.setTimestamp(5, at);
        insert.setString(6, Synthetic.eventData(n));
        insert.setTimestamp(7, at);
        batch.add();
      }
      return batch.finish();
    }
  }

  /** Type 1 ("company") and its objects; returns each company's row id. */
  private long[] objects() throws SQLException {
    Timestamp now = Timestamp.from(data.now());
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement type =
          c.prepareStatement(
              "INSERT INTO objects_type (workspace_id, type_id, name, created_at) VALUES (?, 1,"
                  + " 'company', ?)")) {
        type.setLong(1, workspaceId);
        type.setTimestamp(2, now);
        type.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO objects_object (workspace_id, type_id, object_id, cio_object_id,"
                  + " attributes, attribute_timestamps, created_at, updated_at, version) VALUES"
                  + " (?, 1, ?, ?, ?, ?, ?, ?, 0)")) {
        Batch batch = new Batch(c, insert);
        for (int k = 0; k < data.companies(); k++) {
          insert.setLong(1, workspaceId);
          insert.setString(2, Synthetic.objectId(k));
          insert.setString(3, Synthetic.cioObjectId(k));
          insert.setString(4, Synthetic.objectAttributes(k));
          insert.setString(5, Synthetic.objectAttributeTimestamps(data.now().getEpochSecond()));
          insert.setTimestamp(6, now);
          insert.setTimestamp(7, now);
          batch.add();
        }
        batch.finish();
      }
      long[] pks = new long[data.companies()];
      try (PreparedStatement read =
          c.prepareStatement(
              "SELECT id, object_id FROM objects_object WHERE workspace_id = ? AND type_id = 1")) {
        read.setLong(1, workspaceId);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            pks[Integer.parseInt(rs.getString(2).substring(1))] = rs.getLong(1);
          }
        }
      }
      c.commit();
      return pks;
    }
  }

  private long relationships(long from, long to, long[] objectPks) throws SQLException {
    Timestamp now = Timestamp.from(data.now());
    try (Connection c = database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO objects_person_relationship (workspace_id, object_pk, person_cio_id,"
                    + " attributes, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?,"
                    + " 0)")) {
      c.setAutoCommit(false);
      Batch batch = new Batch(c, insert);
      for (long p = from; p < to; p++) {
        int[] companies = data.companiesOf(p);
        for (int k = 0; k < companies.length; k++) {
          insert.setLong(1, workspaceId);
          insert.setLong(2, objectPks[companies[k]]);
          insert.setString(3, Synthetic.cioId(p));
          insert.setString(4, Synthetic.relationshipAttributes(p, k));
          insert.setTimestamp(5, now);
          insert.setTimestamp(6, now);
          batch.add();
        }
      }
      return batch.finish();
    }
  }

  /** Rows {@code [from, to)} of one part; returns the rows written. */
  private interface Part {
    long write(long from, long to) throws Exception;
  }

  private static long parallel(long rows, Part part) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long from = rows * t / THREADS;
        long to = rows * (t + 1) / THREADS;
        parts.add(pool.submit(() -> part.write(from, to)));
      }
      long written = 0;
      for (Future<Long> f : parts) {
        written += f.get();
      }
      return written;
    } finally {
      pool.shutdown();
    }
  }

  /** A JDBC batch committed every {@value #BATCH} rows. */
  private static final class Batch {
    private final Connection connection;
    private final PreparedStatement statement;
    private int pending;
    private long written;

    Batch(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    void add() throws SQLException {
      statement.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    }

    long finish() throws SQLException {
      flush();
      return written;
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        connection.commit();
        written += pending;
        pending = 0;
      }
    }
  }
}
