package io.herald.testing;

import io.herald.embeddeddb.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Makes {@link TestDatabase}s: on the embedded MariaDB, or on an external MySQL/MariaDB. */
public final class TestDatabases {

  /** Server used by {@link #externalIfReachable()} unless {@code HERALD_TEST_EXTERNAL_DB_URL}. */
  public static final String DEFAULT_EXTERNAL_URL = "jdbc:mysql://127.0.0.1:3306/";

  private static final String EMBEDDED_USER = "herald_it";

  private TestDatabases() {}

  /**
   * Starts the embedded MariaDB under {@code workDir} and creates a schema on it.
   *
   * @param workDir a directory outside {@code /tmp} for the server and its data
   */
  public static TestDatabase embedded(Path workDir) {
    EmbeddedDatabase server = EmbeddedDatabase.start(workDir, true);
    String schema = "herald_" + shortId();
    server.createDatabase(schema);
    return new TestDatabase(
        server.jdbcUrl(schema),
        EMBEDDED_USER,
        "embedded-" + shortId(),
        "embedded MariaDB on port " + server.port() + ", schema " + schema,
        server::close);
  }

  /**
   * Creates a fresh schema and user on the server given by {@code HERALD_DB_URL} (user {@code
   * HERALD_DB_USER}, password {@code HERALD_DB_PASSWORD}), when that variable is set.
   */
  public static Optional<TestDatabase> fromHeraldDbUrl() {
    String url = System.getenv("HERALD_DB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = Optional.ofNullable(System.getenv("HERALD_DB_USER")).orElse("root");
    String password = Optional.ofNullable(System.getenv("HERALD_DB_PASSWORD")).orElse("");
    return Optional.of(onServer(serverUrl(url), user, password));
  }

  /**
   * Creates a fresh schema and user on the external server ({@code HERALD_TEST_EXTERNAL_DB_URL},
   * default {@value #DEFAULT_EXTERNAL_URL}, as root with an empty password unless {@code
   * HERALD_TEST_EXTERNAL_DB_USER}/{@code _PASSWORD} say otherwise). Empty, with the reason printed,
   * when the server cannot be reached.
   */
  public static Optional<TestDatabase> externalIfReachable() {
    String url =
        Optional.ofNullable(System.getenv("HERALD_TEST_EXTERNAL_DB_URL"))
            .orElse(DEFAULT_EXTERNAL_URL);
    String user = Optional.ofNullable(System.getenv("HERALD_TEST_EXTERNAL_DB_USER")).orElse("root");
    String password =
        Optional.ofNullable(System.getenv("HERALD_TEST_EXTERNAL_DB_PASSWORD")).orElse("");
    try (Connection ignored = DriverManager.getConnection(serverUrl(url), user, password)) {
      return Optional.of(onServer(serverUrl(url), user, password));
    } catch (SQLException e) {
      System.out.println(
          "[herald-test] skipping the external-database run: "
              + url
              + " is not reachable ("
              + e.getMessage()
              + ")");
      return Optional.empty();
    }
  }

  private static TestDatabase onServer(String serverUrl, String adminUser, String adminPassword) {
    // A schema and a user per run, so runs sharing one server never reset each other's password.
    String id = shortId();
    String schema = "herald_it_" + id;
    String user = "herald_it_" + id;
    String password = "it-" + shortId();
    String hostPart = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
    admin(
        serverUrl,
        adminUser,
        adminPassword,
        "CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + password + "'",
        "CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'",
        "GRANT ALL ON `" + schema + "`.* TO '" + user + "'@'localhost'",
        "GRANT ALL ON `" + schema + "`.* TO '" + user + "'@'127.0.0.1'");
    return new TestDatabase(
        hostPart + schema,
        user,
        password,
        "external server " + hostPart + ", schema " + schema,
        () -> drop(serverUrl, adminUser, adminPassword, schema, user));
  }

  /** The URL without a database name, for example {@code jdbc:mysql://127.0.0.1:3306/}. */
  private static String serverUrl(String url) {
    int start = url.indexOf("//");
    int slash = url.indexOf('/', start + 2);
    return slash < 0 ? url + "/" : url.substring(0, slash + 1);
  }

  private static void admin(String url, String user, String password, String... statements) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "test database setup failed on " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Drops the run's schema and user. A container still shutting down may hold an open transaction
   * on the schema, and DROP DATABASE would wait for its metadata lock forever (MariaDB's default
   * lock_wait_timeout is a year) while every new query queues behind it: the run's own user's
   * sessions are killed first, and the drop waits at most 30 s per try.
   */
  private static void drop(
      String url, String adminUser, String adminPassword, String schema, String user) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = DriverManager.getConnection(url, adminUser, adminPassword);
          Statement statement = connection.createStatement()) {
        statement.execute("SET SESSION lock_wait_timeout = 30");
        reportOpenTransactions(statement, user);
        List<Long> sessions = new ArrayList<>();
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT id FROM information_schema.processlist WHERE user = '" + user + "'")) {
          while (rs.next()) {
            sessions.add(rs.getLong(1));
          }
        }
        for (long id : sessions) {
          try {
            statement.execute("KILL " + id);
          } catch (SQLException gone) {
            // ended meanwhile
          }
        }
        statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        statement.execute("DROP USER IF EXISTS '" + user + "'@'localhost'");
        statement.execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
        return;
      } catch (SQLException e) {
        if (attempt >= 3) {
          throw new IllegalStateException(
              "dropping test schema " + schema + " failed on " + url + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Prints the run user's sessions that still hold an open transaction when the schema is dropped:
   * a node that stopped cleanly holds none, so a line here points at a transaction the application
   * left open (what the drop would otherwise wait for).
   */
  private static void reportOpenTransactions(Statement statement, String user) {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT p.id, p.command, p.time, p.state, t.trx_started, t.trx_rows_locked,"
                + " t.trx_tables_locked, t.trx_query FROM information_schema.innodb_trx t"
                + " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                + " WHERE p.user = '"
                + user
                + "'")) {
      while (rs.next()) {
        System.out.println(
            "[herald-test] open transaction at drop: session "
                + rs.getLong(1)
                + " "
                + rs.getString(2)
                + " for "
                + rs.getLong(3)
                + " s, state "
                + rs.getString(4)
                + ", started "
                + rs.getString(5)
                + ", rows locked "
                + rs.getLong(6)
                + ", tables locked "
                + rs.getLong(7)
                + ", query "
                + rs.getString(8));
      }
    } catch (SQLException e) {
      System.out.println("[herald-test] open transactions not readable: " + e.getMessage());
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
