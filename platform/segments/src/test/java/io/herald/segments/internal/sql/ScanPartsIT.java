package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.RequiresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Whether the server's plan scans the people table, read from its EXPLAIN on both servers. */
@RequiresTestDatabase
class ScanPartsIT {

  private final DataSource dataSource = MigratedTestDatabase.dataSource();

  @Test
  void aSmallWorkspaceInABigTableIsReadThroughItsIndexAndStaysOneStatement() throws SQLException {
    TestData big = new TestData(dataSource, MigratedTestDatabase.freshWorkspace());
    for (int i = 0; i < 3000; i++) {
      big.person("big-" + i + "-" + big.workspace(), "{\"plan\":\"pro\"}");
    }
    TestData small = new TestData(dataSource, MigratedTestDatabase.freshWorkspace());
    for (int i = 0; i < 5; i++) {
      small.person("small-" + i + "-" + small.workspace(), "{\"plan\":\"pro\"}");
    }
    try (Connection c = dataSource.getConnection()) {
      SqlFragment select = select("p.workspace_id = ", small.workspace());
      assertThat(ScanParts.scansPeople(c, select)).isFalse();
      assertThat(ScanParts.of(c, select, small.workspace(), 4, 1, false).count()).isEqualTo(1);
      // Tests may split it all the same.
      assertThat(ScanParts.of(c, select, small.workspace(), 4, 1, true).count()).isEqualTo(4);
    }
  }

  @Test
  void aStatementThatCannotUseAnIndexIsAScan() throws SQLException {
    TestData data = new TestData(dataSource, MigratedTestDatabase.freshWorkspace());
    for (int i = 0; i < 10; i++) {
      data.person("scan-" + i + "-" + data.workspace(), "{\"plan\":\"pro\"}");
    }
    try (Connection c = dataSource.getConnection()) {
      // workspace_id + 0: no index can serve it, as with a workspace that is most of the table.
      SqlFragment select = select("p.workspace_id + 0 = ", data.workspace());
      assertThat(ScanParts.scansPeople(c, select)).isTrue();
      assertThat(ScanParts.of(c, select, data.workspace(), 2, 1, false).count()).isEqualTo(2);
      assertThat(ScanParts.of(c, select, data.workspace(), 2, 100, false).count())
          .as("narrower than two parts")
          .isEqualTo(1);
    }
  }

  @Test
  void aWorkspaceWithoutPeopleIsOneStatement() throws SQLException {
    long empty = MigratedTestDatabase.freshWorkspace();
    try (Connection c = dataSource.getConnection()) {
      assertThat(ScanParts.of(c, select("p.workspace_id + 0 = ", empty), empty, 4, 1, true).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aTypesObjectsArePartsOfTheirKeysWhenThereAreEnoughOfThem() throws SQLException {
    TestData data = new TestData(dataSource, MigratedTestDatabase.freshWorkspace());
    data.objectType(1);
    data.objectType(2);
    for (int i = 0; i < 6; i++) {
      data.object(1, "o" + i, "{}");
    }
    data.object(2, "only", "{}");
    long ws = data.workspace();
    try (Connection c = dataSource.getConnection()) {
      assertThat(ScanParts.objects(c, ws, 1, 3, 1).count()).isEqualTo(3);
      assertThat(ScanParts.objects(c, ws, 1, 3, 3).count()).as("3 objects a part").isEqualTo(2);
      assertThat(ScanParts.objects(c, ws, 1, 3, 4).count()).as("too few objects").isEqualTo(1);
      assertThat(ScanParts.objects(c, ws, 1, 1, 1).count()).as("no parallelism").isEqualTo(1);
      assertThat(ScanParts.objects(c, ws, 2, 3, 1).count()).as("one object").isEqualTo(1);
      assertThat(ScanParts.objects(c, ws, 3, 3, 1).count()).as("no objects").isEqualTo(1);
    }
  }

  private static SqlFragment select(String workspaceTest, long workspace) {
    return new SqlFragment.Builder()
        .sql("SELECT p.cio_id FROM people_person p WHERE " + workspaceTest)
        .param(workspace)
        .sql(" AND JSON_VALUE(p.attributes, '$.plan') = 'pro'")
        .build();
  }
}
