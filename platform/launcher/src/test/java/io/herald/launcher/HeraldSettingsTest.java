package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeraldSettingsTest {

  @Test
  void knownVariablesBecomeConfigKeysOthersStayOut() {
    Properties p =
        HeraldSettings.from(
            Map.of(
                "HERALD_DB_URL", "jdbc:mysql://db:3306/herald?sslMode=REQUIRED&x=1",
                "HERALD_DB_PASSWORD", "p@ss word:=!",
                "HERALD_BOOTSTRAP_SITE_ID", "site0001",
                "HERALD_SECRET_KEY", " ",
                "PATH", "/usr/bin"));
    assertThat(p)
        .containsEntry("herald.db.url", "jdbc:mysql://db:3306/herald?sslMode=REQUIRED&x=1")
        .containsEntry("herald.db.password", "p@ss word:=!")
        .containsEntry("herald.bootstrap.site-id", "site0001")
        .doesNotContainKey("herald.secret-key")
        .hasSize(3);
  }

  /** The README's configuration table is what the launcher hands to Herald, row for row. */
  @Test
  void everyConfigKeyOfTheReadmeIsPassedOn() throws Exception {
    String readme = Files.readString(Path.of("../../README.md"));
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile("(?m)^\\| `(HERALD_[A-Z_]+)` \\| `([a-z0-9.\\-]+)` \\|")
            .matcher(readme);
    Map<String, String> documented = new java.util.LinkedHashMap<>();
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    assertThat(documented).hasSizeGreaterThan(30);
    assertThat(HeraldSettings.KEYS).containsAllEntriesOf(documented);
  }

  @Test
  void theFileIsPrivateAndRoundTripsAwkwardValues(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sys.properties");
    Files.writeString(file, "stale");
    Properties written = HeraldSettings.from(Map.of("HERALD_DB_PASSWORD", "a=b:c\\d é"));
    HeraldSettings.write(written, file);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      read.load(in);
    }
    assertThat(read).isEqualTo(written);
  }
}
