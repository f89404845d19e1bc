package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayaraWorkDirectoryTest {

  @TempDir Path dataDir;

  @Test
  void removesTheRecordedDeploymentOfAnEarlierRun() throws Exception {
    Path root = dataDir.resolve("payara");
    Files.createDirectories(root.resolve("applications/herald/WEB-INF"));
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/domain.xml"), "<application name=\"herald\"/>");
    Files.writeString(dataDir.resolve("secret.key"), "keep me");

    Path recreated = PayaraWorkDirectory.recreate(root);

    assertThat(recreated).isEqualTo(root).isEmptyDirectory();
    assertThat(dataDir.resolve("secret.key")).hasContent("keep me");
  }

  @Test
  void createsTheDirectoryOnFirstStart() throws Exception {
    Path root = dataDir.resolve("fresh/payara");

    assertThat(PayaraWorkDirectory.recreate(root)).isEmptyDirectory();
  }
}
