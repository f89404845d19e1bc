package io.herald.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Entity {@link Instant} fields keep their milliseconds through EclipseLink (the 4.0 line Payara
 * bundles) and {@link InstantConverter}, on the embedded MariaDB (11.4) and on the external server
 * (MariaDB 10.11 here, whose version string makes Connector/J drop the fraction of {@code
 * Timestamp} parameters; skipped when the server is down).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstantConverterJpaIT {

  private static final Instant WITH_MILLIS = Instant.parse("2026-11-29T10:15:30.123Z");

  private final List<TestDatabase> databases = new ArrayList<>();

  @BeforeAll
  void databases() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/shared-it"));
    databases.add(TestDatabases.embedded(work.resolve("mariadb")));
    TestDatabases.externalIfReachable().ifPresent(databases::add);
    for (TestDatabase database : databases) {
      try (Connection c = connect(database);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t_timed (id BIGINT PRIMARY KEY, at DATETIME(3) NULL)");
      }
    }
  }

  @AfterAll
  void close() {
    databases.forEach(TestDatabase::close);
  }

  Stream<TestDatabase> databasesToTest() {
    return databases.stream();
  }

  @ParameterizedTest
  @MethodSource("databasesToTest")
  void anEntitysInstantIsStoredReadAndQueriedWithItsMilliseconds(TestDatabase database)
      throws SQLException {
    EntityManagerFactory factory =
        Persistence.createEntityManagerFactory(
            "instant-converter-it",
            Map.of(
                "jakarta.persistence.jdbc.url", database.jdbcUrl(),
                "jakarta.persistence.jdbc.user", database.user(),
                "jakarta.persistence.jdbc.password", database.password()));
    try {
      EntityManager em = factory.createEntityManager();
      em.getTransaction().begin();
      em.persist(new TimedRow(1, WITH_MILLIS));
      em.persist(new TimedRow(2, WITH_MILLIS.plusSeconds(60)));
      em.persist(new TimedRow(3, null));
      em.getTransaction().commit();
      em.close();

      try (Connection c = connect(database);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT CAST(at AS CHAR) FROM t_timed WHERE id = 1")) {
        rs.next();
        assertThat(rs.getString(1)).as("as stored").endsWith(":30.123");
      }

      EntityManager read = factory.createEntityManager();
      assertThat(read.find(TimedRow.class, 1L).at()).isEqualTo(WITH_MILLIS);
      assertThat(read.find(TimedRow.class, 3L).at()).isNull();
      assertThat(
              read.createQuery("SELECT r FROM TimedRow r WHERE r.at <= :at", TimedRow.class)
                  .setParameter("at", WITH_MILLIS)
                  .getResultList())
          .extracting(TimedRow::at)
          .containsExactly(WITH_MILLIS);
      assertThat(
              read.createQuery("SELECT r FROM TimedRow r WHERE r.at < :at", TimedRow.class)
                  .setParameter("at", WITH_MILLIS)
                  .getResultList())
          .as("a parameter keeps its milliseconds too")
          .isEmpty();
      read.close();
    } finally {
      factory.close();
    }
  }

  private static Connection connect(TestDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
