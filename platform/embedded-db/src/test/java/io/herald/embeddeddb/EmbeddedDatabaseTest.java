package io.herald.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

  @Test
  void dataUnderTheTempDirectoryIsSpelledSoMariaDb4jKeepsIt() throws Exception {
    Path underTmp = Files.createTempDirectory("herald-db");
    File spelled = EmbeddedDatabase.notUnderTmpdirByName(underTmp);
    assertThat(spelled.getAbsolutePath()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
    assertThat(spelled.toPath().toRealPath()).isEqualTo(underTmp.toRealPath());
  }

  @Test
  void otherPathsAreUnchanged() {
    Path elsewhere = Path.of("/var/lib/herald/db");
    assertThat(EmbeddedDatabase.notUnderTmpdirByName(elsewhere)).isEqualTo(elsewhere.toFile());
  }

  @Test
  void startsAndKeepsDataAcrossRestarts() throws Exception {
    Path dir = Files.createTempDirectory("herald-embedded");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, true)) {
      db.createDatabase("keep");
      try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl("keep"), "any", "any")) {
        c.createStatement().execute("CREATE TABLE t (v INT)");
        c.createStatement().execute("INSERT INTO t VALUES (7)");
      }
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, true);
        var c = java.sql.DriverManager.getConnection(db.jdbcUrl("keep"), "any", "any");
        var rs = c.createStatement().executeQuery("SELECT v FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }
}
