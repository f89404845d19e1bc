package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.shared.persistence.DateTimes;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Milliseconds of DATETIME(3) columns survive the app's writers on the embedded MariaDB (11.4) and
 * on the external server (MariaDB 10.11 here, skipped when it is down), with the connection
 * settings of the app's ingest datasource. Connector/J reads MariaDB 10.x's version string {@code
 * 5.5.5-10.x} as MySQL 5.5 and drops the fraction of {@code Timestamp} parameters; {@link
 * DateTimes} binds text instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventTimesIT {

  private static final Instant WITH_MILLIS = Instant.parse("2026-11-29T10:15:30.123Z");

  private final List<TestDatabase> databases = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();

  record Server(String name, MysqlDataSource dataSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void databases() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/events-it"));
    databases.add(TestDatabases.embedded(work.resolve("mariadb-times")));
    TestDatabases.externalIfReachable().ifPresent(databases::add);
    for (TestDatabase database : databases) {
      MysqlDataSource dataSource = new MysqlDataSource();
      dataSource.setURL(database.jdbcUrl());
      dataSource.setUser(database.user());
      dataSource.setPassword(database.password());
      dataSource.setRewriteBatchedStatements(true);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      servers.add(new Server(database.description(), dataSource));
    }
  }

  @AfterAll
  void close() {
    databases.forEach(TestDatabase::close);
  }

  Stream<Server> servers() {
    return servers.stream();
  }

  @ParameterizedTest
  @MethodSource("servers")
  void dateTimesKeepTheMillisecondsWhereTimestampParametersLoseThemOnMariaDb10(Server server)
      throws SQLException {
    try (Connection c = server.dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS t_times (id INT PRIMARY KEY, at DATETIME(3))");
        s.execute("DELETE FROM t_times");
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t_times VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setTimestamp(2, Timestamp.from(WITH_MILLIS));
        insert.executeUpdate();
        insert.setInt(1, 2);
        DateTimes.bind(insert, 2, WITH_MILLIS);
        insert.executeUpdate();
        insert.setInt(1, 3);
        DateTimes.bind(insert, 2, null);
        insert.executeUpdate();
      }
      boolean mariaDb10 = c.getMetaData().getDatabaseProductVersion().startsWith("5.5.5-");
      assertThat(stored(c, 1))
          .as("Timestamp parameter on %s", c.getMetaData().getDatabaseProductVersion())
          .isEqualTo(mariaDb10 ? WITH_MILLIS.minusMillis(123) : WITH_MILLIS);
      assertThat(stored(c, 2)).isEqualTo(WITH_MILLIS);
      assertThat(stored(c, 3)).isNull();
      try (PreparedStatement q =
          c.prepareStatement("SELECT COUNT(*) FROM t_times WHERE id = 2 AND at = ?")) {
        DateTimes.bind(q, 1, WITH_MILLIS);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).as("a bound value compares exactly").isEqualTo(1);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void theEventWriterStoresOccurredAndReceivedTimesWithTheirMilliseconds(Server server)
      throws SQLException {
    Instant received = WITH_MILLIS.plusMillis(654);
    NewEvent event =
        new NewEvent(
            new EventSubject.Person("times-" + server.hashCode()),
            "clicked",
            EventType.EVENT,
            null,
            WITH_MILLIS,
            Json.createObjectBuilder().build(),
            null,
            "test");
    new EventWriter(server.dataSource()).write(List.of(new EventRow(7, event, received)));

    try (Connection c = server.dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT occurred_at, received_at FROM events_event"
                    + " WHERE workspace_id = 7 AND person_cio_id = ?")) {
      q.setString(1, "times-" + server.hashCode());
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp("occurred_at").toInstant()).isEqualTo(WITH_MILLIS);
        assertThat(rs.getTimestamp("received_at").toInstant()).isEqualTo(received);
      }
    }
  }

  private static Instant stored(Connection c, int id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT at FROM t_times WHERE id = ?")) {
      q.setInt(1, id);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        Timestamp at = rs.getTimestamp(1);
        return at == null ? null : at.toInstant();
      }
    }
  }
}
