package io.herald.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Units of work on the embedded MariaDB and on the external server (skipped when it is down), on a
 * connection set up as Herald's pools set theirs (READ COMMITTED, {@code useLocalSessionState}):
 * committed whole or not at all, the connection handed back in the mode it came in, and the commit
 * made by the return to auto-commit, so a unit of work costs the statements it runs and two more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsIT {

  private final List<TestDatabase> databases = new ArrayList<>();

  @BeforeAll
  void databases() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/shared-it"));
    databases.add(TestDatabases.embedded(work.resolve("mariadb-transactions")));
    TestDatabases.externalIfReachable().ifPresent(databases::add);
  }

  @AfterAll
  void close() {
    databases.forEach(TestDatabase::close);
  }

  Stream<TestDatabase> databasesToTest() {
    return databases.stream();
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void workIsCommittedWhenItReturnsWithTwoStatementsBesideItsOwn(TestDatabase database)
      throws SQLException {
    try (Connection c = connect(database);
        Connection other = connect(database)) {
      long before = questions(c);
      List<Long> seenByOtherWhileOpen =
          Transactions.inTransaction(
              sharing(c),
              "test",
              t -> {
                insert(t, 1);
                insert(t, 2);
                return keys(other);
              });
      // SET autocommit=0, the two inserts, SET autocommit=1 (which commits), and the second SHOW
      long statements = questions(c) - before;

      assertThat(seenByOtherWhileOpen).isEmpty();
      assertThat(keys(other)).containsExactly(1L, 2L);
      assertThat(statements).isEqualTo(5);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void workThatFailsLeavesNothingAndItsOwnExceptionIsThrown(TestDatabase database)
      throws SQLException {
    try (Connection c = connect(database)) {
      IllegalArgumentException failure = new IllegalArgumentException("refused by the work");

      assertThatThrownBy(
              () ->
                  Transactions.inTransaction(
                      sharing(c),
                      "test",
                      t -> {
                        insert(t, 1);
                        throw failure;
                      }))
          .isSameAs(failure);

      assertThat(keys(c)).isEmpty();
      assertThat(c.getAutoCommit()).isTrue();
      Transactions.autoCommit(sharing(c), "test", t -> insert(t, 3));
      assertThat(keys(c)).containsExactly(3L);
    }
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void aConnectionOutOfAutoCommitIsCommittedAndStaysOutOfIt(TestDatabase database)
      throws SQLException {
    try (Connection c = connect(database);
        Connection other = connect(database)) {
      c.setAutoCommit(false);

      Transactions.inTransaction(sharing(c), "test", t -> insert(t, 7));

      assertThat(keys(other)).containsExactly(7L);
      assertThat(c.getAutoCommit()).isFalse();
    }
  }

  private static Connection connect(TestDatabase database) throws SQLException {
    String url = database.jdbcUrl();
    Connection c =
        DriverManager.getConnection(
            url + (url.contains("?") ? "&" : "?") + "useLocalSessionState=true",
            database.user(),
            database.password());
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS t_transactions (k BIGINT PRIMARY KEY)");
      s.execute("DELETE FROM t_transactions");
    }
    return c;
  }

  private static int insert(Connection c, long key) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("INSERT INTO t_transactions (k) VALUES (" + key + ")");
    }
  }

  private static List<Long> keys(Connection c) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT k FROM t_transactions ORDER BY k")) {
      while (r.next()) {
        keys.add(r.getLong(1));
      }
    }
    return keys;
  }

  /** Statements this connection has sent the server, counting the one that asks. */
  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      r.next();
      return r.getLong(2);
    }
  }

  /** A data source handing out {@code c} each time, whose close leaves it open. */
  private static DataSource sharing(Connection c) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                TransactionsIT.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return unclosable;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return unclosable;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }
}
