package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPluginsTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path dir;
  private Path bundled;
  private Path plugins;

  @BeforeEach
  void distributionWithTwoPlugins() throws IOException {
    bundled = Files.createDirectories(dir.resolve("dist/plugins"));
    plugins = dir.resolve("data/plugins");
    zip(bundled.resolve("channel-email-smtp-1.0.zip"), "channel-email-smtp", "1.0", "smtp jar");
    zip(bundled.resolve("channel-dev-outbox-1.0.zip"), "channel-dev-outbox", "1.0", "outbox jar");
  }

  @Test
  void installsEveryBundledZipIntoAnEmptyOrMissingPluginsDirectory() throws Exception {
    List<BundledPlugins.Change> changes = BundledPlugins.install(bundled, plugins);

    assertThat(changes)
        .containsExactly(
            new BundledPlugins.Change(
                "channel-dev-outbox", "channel-dev-outbox-1.0.zip", true, List.of()),
            new BundledPlugins.Change(
                "channel-email-smtp", "channel-email-smtp-1.0.zip", true, List.of()));
    assertThat(plugins.resolve("channel-dev-outbox-1.0.zip"))
        .hasSameBinaryContentAs(bundled.resolve("channel-dev-outbox-1.0.zip"));
    assertThat(plugins.resolve("channel-email-smtp-1.0.zip"))
        .hasSameBinaryContentAs(bundled.resolve("channel-email-smtp-1.0.zip"));
    try (var files = Files.list(plugins)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("channel-dev-outbox-1.0.zip", "channel-email-smtp-1.0.zip");
    }
  }

  @Test
  void leavesAnIdenticalCopyAndItsExpandedDirectoryAlone() throws Exception {
    BundledPlugins.install(bundled, plugins);
    Path zip = plugins.resolve("channel-email-smtp-1.0.zip");
    Files.setLastModifiedTime(zip, LONG_AGO);
    Path expanded = Files.createDirectories(plugins.resolve("channel-email-smtp-1.0/lib"));
    Files.writeString(expanded.resolve("marker"), "expanded by PF4J");

    List<BundledPlugins.Change> changes = BundledPlugins.install(bundled, plugins);

    assertThat(changes).extracting(BundledPlugins.Change::installed).containsOnly(false);
    assertThat(Files.getLastModifiedTime(zip)).isEqualTo(LONG_AGO);
    assertThat(expanded.resolve("marker")).hasContent("expanded by PF4J");
  }

  @Test
  void replacesTheSameFileNameWithOtherBytesAndDropsItsStaleExpansion() throws Exception {
    Files.createDirectories(plugins);
    zip(plugins.resolve("channel-email-smtp-1.0.zip"), "channel-email-smtp", "1.0", "older build");
    Path expanded = Files.createDirectories(plugins.resolve("channel-email-smtp-1.0/lib"));
    Files.writeString(expanded.resolve("marker"), "expanded by PF4J");

    List<BundledPlugins.Change> changes = BundledPlugins.install(bundled, plugins);

    assertThat(changes)
        .contains(
            new BundledPlugins.Change(
                "channel-email-smtp", "channel-email-smtp-1.0.zip", true, List.of()));
    assertThat(plugins.resolve("channel-email-smtp-1.0.zip"))
        .hasSameBinaryContentAs(bundled.resolve("channel-email-smtp-1.0.zip"));
    assertThat(plugins.resolve("channel-email-smtp-1.0")).doesNotExist();
  }

  @Test
  void replacesAnotherVersionOfABundledPluginWithItsExpansion() throws Exception {
    Files.createDirectories(plugins);
    zip(plugins.resolve("channel-email-smtp-0.9.zip"), "channel-email-smtp", "0.9", "old");
    Path oldExpansion = Files.createDirectories(plugins.resolve("channel-email-smtp-0.9"));
    Files.writeString(
        oldExpansion.resolve("plugin.properties"),
        "plugin.id=channel-email-smtp\nplugin.version=0.9\n");

    List<BundledPlugins.Change> changes = BundledPlugins.install(bundled, plugins);

    assertThat(changes)
        .contains(
            new BundledPlugins.Change(
                "channel-email-smtp",
                "channel-email-smtp-1.0.zip",
                true,
                List.of("channel-email-smtp-0.9", "channel-email-smtp-0.9.zip")));
    assertThat(plugins.resolve("channel-email-smtp-0.9.zip")).doesNotExist();
    assertThat(oldExpansion).doesNotExist();
    assertThat(plugins.resolve("channel-email-smtp-1.0.zip")).exists();
    assertThat(changes.get(1).describe())
        .isEqualTo(
            "installed plugin channel-email-smtp (channel-email-smtp-1.0.zip), replacing"
                + " [channel-email-smtp-0.9, channel-email-smtp-0.9.zip]");
  }

  @Test
  void neverTouchesPluginsAnOperatorAddedNorOtherFiles() throws Exception {
    Files.createDirectories(plugins);
    Path acmeZip = plugins.resolve("channel-acme-sms-2.0.zip");
    zip(acmeZip, "channel-acme-sms", "2.0", "acme");
    Path acmeDir = Files.createDirectories(plugins.resolve("channel-acme-push"));
    Files.writeString(acmeDir.resolve("plugin.properties"), "plugin.id=channel-acme-push\n");
    Path corrupt = Files.writeString(plugins.resolve("broken.zip"), "not a zip");
    Path disabled = Files.writeString(plugins.resolve("disabled.txt"), "channel-acme-sms\n");
    Path notes = Files.createDirectories(plugins.resolve("notes"));

    BundledPlugins.install(bundled, plugins);
    BundledPlugins.install(bundled, plugins);

    assertThat(BundledPlugins.pluginId(acmeZip)).contains("channel-acme-sms");
    assertThat(acmeDir.resolve("plugin.properties")).exists();
    assertThat(corrupt).hasContent("not a zip");
    assertThat(disabled).hasContent("channel-acme-sms\n");
    assertThat(notes).isEmptyDirectory();
    try (var files = Files.list(plugins)) {
      assertThat(files).hasSize(7);
    }
  }

  @Test
  void aDistributionWithoutPluginsInstallsNothing() throws Exception {
    assertThat(BundledPlugins.install(dir.resolve("nowhere"), plugins)).isEmpty();
    assertThat(plugins).doesNotExist();
  }

  private static void zip(Path file, String id, String version, String jarContent)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("plugin.properties"));
      zip.write(
          ("plugin.id=" + id + "\nplugin.version=" + version + "\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("lib/" + id + "-" + version + ".jar"));
      zip.write(jarContent.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
