package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

  private final Path cwd = Path.of("/srv/herald");

  @Test
  void defaultsGiveTheQuickStart() {
    LaunchSettings s = LaunchSettings.from(Map.of(), cwd);
    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.dataDir()).isEqualTo(Path.of("/srv/herald/data"));
    assertThat(s.pluginsDir()).isEqualTo(Path.of("/srv/herald/data/plugins"));
    assertThat(s.externalDbUrl()).isEmpty();
    assertThat(s.javaHeap()).isEqualTo("768m");
    assertThat(s.javaOptions()).isEmpty();
  }

  @Test
  void environmentOverridesEverything() {
    LaunchSettings s =
        LaunchSettings.from(
            Map.of(
                "HERALD_HTTP_PORT", "9090",
                "HERALD_DATA_DIR", "/var/lib/herald",
                "HERALD_PLUGINS_DIR", "plugins",
                "HERALD_DB_URL", "jdbc:mysql://db:3306/herald",
                "HERALD_JAVA_HEAP", "2g",
                "HERALD_JAVA_OPTS", "  -XX:MaxGCPauseMillis=50\t -Xlog:gc:file=/tmp/gc.log "),
            cwd);
    assertThat(s.httpPort()).isEqualTo(9090);
    assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/herald"));
    assertThat(s.pluginsDir()).isEqualTo(Path.of("/srv/herald/plugins"));
    assertThat(s.externalDbUrl()).contains("jdbc:mysql://db:3306/herald");
    assertThat(s.javaHeap()).isEqualTo("2g");
    assertThat(s.javaOptions())
        .containsExactly("-XX:MaxGCPauseMillis=50", "-Xlog:gc:file=/tmp/gc.log");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> LaunchSettings.from(Map.of("HERALD_HTTP_PORT", "eighty"), cwd))
        .hasMessageContaining("HERALD_HTTP_PORT");
    assertThatThrownBy(() -> LaunchSettings.from(Map.of("HERALD_HTTP_PORT", "70000"), cwd))
        .hasMessageContaining("HERALD_HTTP_PORT");
    assertThatThrownBy(() -> LaunchSettings.from(Map.of("HERALD_JAVA_HEAP", "lots"), cwd))
        .hasMessageContaining("HERALD_JAVA_HEAP");
    assertThatThrownBy(
            () -> LaunchSettings.from(Map.of("HERALD_JAVA_OPTS", "-Xss1m com.example.Main"), cwd))
        .hasMessage(
            "HERALD_JAVA_OPTS must be JVM options separated by spaces, each starting with '-',"
                + " not com.example.Main");
  }

  @Test
  void extraJvmOptionsComeAfterHeraldsOwnAndBeforeTheJar() {
    LaunchSettings s =
        LaunchSettings.from(
            Map.of("HERALD_JAVA_HEAP", "1g", "HERALD_JAVA_OPTS", "-Xmx2g -XX:+UseParallelGC"), cwd);
    assertThat(Launcher.command(s, Path.of("/opt/herald"), Path.of("/d/sys.properties")))
        .containsSubsequence("-Xmx1g", "-Xmx2g", "-XX:+UseParallelGC", "-jar");
  }

  @Test
  void payaraRunsTheWarAtTheRootOnTheChosenPort() {
    LaunchSettings s = LaunchSettings.from(Map.of("HERALD_HTTP_PORT", "9191"), cwd);
    assertThat(Launcher.command(s, Path.of("/opt/herald"), Path.of("/d/sys.properties")))
        .containsSubsequence(
            "-jar", "/opt/herald/payara-micro.jar", "--deploy", "/opt/herald/herald.war")
        .containsSubsequence("--contextroot", "/", "--port", "9191", "--nocluster")
        .containsSubsequence("--systemProperties", "/d/sys.properties")
        .contains("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19")
        .noneMatch(arg -> arg.contains("password"));
  }

  @Test
  void passwordsAreRedactedFromPrintedUrls() {
    assertThat(Launcher.redact("jdbc:mysql://db/h?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:mysql://db/h?user=u&password=***&ssl=true");
  }
}
