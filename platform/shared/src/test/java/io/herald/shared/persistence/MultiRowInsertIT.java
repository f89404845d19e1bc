package io.herald.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multi-row inserts on the embedded MariaDB and on the external server (skipped when it is down):
 * rows arrive whole and in order, however the budget and the row limit split them, and the
 * statements are as few as those allow. (The databases are the class's: JUnit would close each
 * after one test as an {@code AutoCloseable} argument.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiRowInsertIT {

  /** A row of the test table. */
  record Row(long key, String text, Long number) {}

  private static final MultiRowInsert<Row> INSERT = insert("INSERT INTO t_multirow", 1000);

  private final List<TestDatabase> databases = new ArrayList<>();

  @BeforeAll
  void databases() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/shared-it"));
    databases.add(TestDatabases.embedded(work.resolve("mariadb-multirow")));
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
  void everyValueArrivesAsBoundAndTheRowsInTheirOrder(TestDatabase database) throws SQLException {
    List<Row> rows =
        List.of(
            new Row(3, "plain", 1L),
            new Row(1, "it's a \"quote\", a back\\slash and a ; ", null),
            new Row(2, "Grüße, 日本, 🎉 and a NUL \0 in the middle", Long.MAX_VALUE),
            new Row(5, null, -7L),
            new Row(4, "", 0L));
    // one statement of 5 rows (up to EXACT_ROWS rows go in any number)
    assertInsertedInOrder(database, INSERT, rows, -1, 1);
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void aSmallBudgetSplitsTheRowsIntoStatementsThatKeepTheirOrder(TestDatabase database)
      throws SQLException {
    List<Row> rows =
        IntStream.range(0, 50)
            .mapToObj(i -> new Row(100 - i, String.format("row %02d", i), (long) i))
            .toList();
    long perRow = rowBytes(rows.get(0)) + "(?,?,?)".length();
    // Room for 4 rows per statement: 13 statements for 50 rows.
    assertInsertedInOrder(database, INSERT, rows, 4 * perRow + 1, 13);
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void theRowLimitSplitsTooAndARowOverTheBudgetGoesAlone(TestDatabase database)
      throws SQLException {
    MultiRowInsert<Row> threeAtATime = insert("INSERT INTO t_multirow", 3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(new Row(i, "r" + i, null));
    }
    rows.add(3, new Row(99, "x".repeat(5000), null));
    // [0,1,2] [big] [3,4,5] [6]: up to 3 rows, with a budget far below the big row's bound
    assertInsertedInOrder(database, threeAtATime, rows, 1000, 4);
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void aboveTheExactRowsStatementsTakePowersOfTwoAndTheRestGoesWhole(TestDatabase database)
      throws SQLException {
    List<Row> rows =
        IntStream.range(0, 300).mapToObj(i -> new Row(i, "row " + i, (long) i)).toList();
    MultiRowInsert<Row> upTo256 = insert("INSERT INTO t_multirow", 256);
    // 256, then 32 of the 44 left, then the last 12 in one statement
    assertThat(upTo256.statements(rows, 1 << 20)).isEqualTo(3);
    assertThat(upTo256.statements(rows.subList(0, MultiRowInsert.EXACT_ROWS), 1 << 20))
        .isEqualTo(1);
    assertThat(upTo256.statements(rows.subList(0, MultiRowInsert.EXACT_ROWS + 1), 1 << 20))
        .isEqualTo(2);
    assertThat(upTo256.statements(List.of(), 1 << 20)).isZero();
    assertInsertedInOrder(database, upTo256, rows, -1, 3);
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void aDuplicateKeyFailsItsStatementAndInsertIgnoreSkipsIt(TestDatabase database)
      throws SQLException {
    try (Connection c = fresh(database)) {
      INSERT.insert(c, List.of(new Row(1, "first", null)), MultiRowInsert.budget(c));
      List<Row> again = List.of(new Row(2, "second", null), new Row(1, "again", null));

      assertThatThrownBy(() -> INSERT.insert(c, again, MultiRowInsert.budget(c)))
          .isInstanceOf(SQLIntegrityConstraintViolationException.class);
      assertThat(insert("INSERT IGNORE INTO t_multirow", 1000).insert(c, again, 1 << 20))
          .isEqualTo(1);

      assertThat(stored(c)).containsExactly(new Row(1, "first", null), new Row(2, "second", null));
    }
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void theBudgetIsHalfTheServersPacketAtMostFourMebibytes(TestDatabase database)
      throws SQLException {
    try (Connection c = fresh(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@max_allowed_packet")) {
      rs.next();
      assertThat(MultiRowInsert.budget(c))
          .isEqualTo(Math.min(4L << 20, rs.getLong(1) / 2))
          .isPositive();
    }
  }

  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("databasesToTest")
  void aKeptBudgetIsTheServersAndIsReadOnce(TestDatabase database) throws SQLException {
    StatementBudget budget = new StatementBudget();
    long expected;
    try (Connection c = fresh(database)) {
      expected = MultiRowInsert.budget(c);
      assertThat(budget.of(c)).isEqualTo(expected);
    }
    Connection closed = fresh(database);
    closed.close();
    assertThat(budget.of(closed)).as("not asked again").isEqualTo(expected);
  }

  /**
   * Inserts {@code rows} into an empty table with {@code budget} ({@code -1}: the server's), and
   * checks the statements it took and that the table holds the rows in their order.
   */
  private static void assertInsertedInOrder(
      TestDatabase database,
      MultiRowInsert<Row> insert,
      List<Row> rows,
      long budget,
      int statements)
      throws SQLException {
    try (Connection c = fresh(database)) {
      long before = inserts(c);

      assertThat(insert.insert(c, rows, budget < 0 ? MultiRowInsert.budget(c) : budget))
          .isEqualTo(rows.size());

      assertThat(inserts(c) - before).as("statements").isEqualTo(statements);
      assertThat(stored(c)).containsExactlyElementsOf(rows);
    }
  }

  private static MultiRowInsert<Row> insert(String head, int maxRows) {
    return new MultiRowInsert<>(
        head + " (k, text_value, number_value)",
        3,
        maxRows,
        MultiRowInsertIT::rowBytes,
        (statement, first, row) -> {
          statement.setLong(first, row.key());
          statement.setString(first + 1, row.text());
          statement.setObject(first + 2, row.number());
          return first + 3;
        });
  }

  private static long rowBytes(Row row) {
    return 20 + MultiRowInsert.literalBytes(row.text()) + 20;
  }

  /** A connection to an empty test table ({@code seq} keeps the insert order). */
  private static Connection fresh(TestDatabase database) throws SQLException {
    Connection c =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS t_multirow");
      s.execute(
          "CREATE TABLE t_multirow (seq BIGINT AUTO_INCREMENT PRIMARY KEY, k BIGINT NOT NULL"
              + " UNIQUE, text_value TEXT CHARACTER SET utf8mb4 NULL, number_value BIGINT NULL)");
    }
    return c;
  }

  private static List<Row> stored(Connection c) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT k, text_value, number_value FROM t_multirow ORDER BY seq")) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)));
      }
    }
    return rows;
  }

  /** The INSERT statements this session has run. */
  private static long inserts(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
