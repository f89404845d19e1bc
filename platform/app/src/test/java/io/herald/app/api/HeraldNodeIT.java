package io.herald.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One node as an operator sees it: readiness of database, scheduler and plugin host, the loaded
 * plugins, the scheduler's heartbeat and node reaper, and secrets at rest with private first-start
 * files. Runs twice: on the embedded MariaDB, and on the MariaDB/MySQL server at 127.0.0.1:3306
 * when one is reachable (skipped with the reason otherwise).
 */
class HeraldNodeIT extends ContainerTest {

  // ---- health -----------------------------------------------------------------------------

  @Test
  void readinessReportsDatabaseSchedulerAndPluginHostUp() {
    Answer ready = http().get("health/ready", null);
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    JsonNode checks = ready.json().path("checks");
    assertThat(checks.findValuesAsText("name")).contains("database", "scheduler", "plugin-host");
    checks.forEach(check -> assertThat(check.path("status").asText()).isEqualTo("UP"));
    assertThat(http().get("health/live", null).status()).isEqualTo(200);
  }

  // ---- plugins, scheduler, secrets at rest -------------------------------------------------

  @Test
  void pluginsAreListedWithTheirChannelProviders() {
    Answer plugins = http().get("v1/plugins", Http.app());
    assertThat(plugins.status()).as(plugins.body()).isEqualTo(200);
    JsonNode body = plugins.json();
    assertThat(body.path("plugin_api_version").asText()).isEqualTo("1.4.0");
    JsonNode echo = null;
    for (JsonNode plugin : body.path("plugins")) {
      if (plugin.path("id").asText().equals("channel-test-echo")) {
        echo = plugin;
      }
    }
    assertThat(echo).as(body.toString()).isNotNull();
    assertThat(echo.path("status").asText()).isEqualTo("STARTED");
    List<String> providers = new java.util.ArrayList<>();
    echo.path("channel_providers").forEach(p -> providers.add(p.path("id").asText()));
    assertThat(providers).contains("test-echo", "test-echo-sms", "test-echo-push");
  }

  @Test
  void heartbeatKeepsThisNodeAliveAndTheReaperForgetsSilentNodes() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(lastSeen()).isAfter(Instant.now().minusSeconds(3)));
    try (Connection c = Db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO scheduling_node (node_id, host, version, started_at, last_seen_at) VALUES (?, 'gone', 'old', ?, ?)")) {
      Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
      ps.setString(1, "silent-node");
      ps.setTimestamp(2, longAgo);
      ps.setTimestamp(3, longAgo);
      ps.executeUpdate();
    }
    // The reaper is a cluster task: if an earlier container of this run stopped while holding
    // it, the cluster first has to notice that node is gone (a few check-in intervals).
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> count("SELECT COUNT(*) FROM scheduling_node WHERE node_id = 'silent-node'") == 0);
    // This node checks in to Quartz's clustered store under its own node id.
    assertThat(
            count(
                "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE s JOIN scheduling_node n"
                    + " ON n.node_id = s.INSTANCE_NAME"
                    + " WHERE s.SCHED_NAME = 'HeraldCluster'"
                    + " AND n.last_seen_at = (SELECT MAX(last_seen_at) FROM scheduling_node)"))
        .isEqualTo(1);
  }

  private static Instant lastSeen() throws Exception {
    try (Connection c = Db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT MAX(last_seen_at) FROM scheduling_node WHERE node_id <> 'silent-node'")) {
      rs.next();
      Timestamp t = rs.getTimestamp(1);
      return t == null ? Instant.EPOCH : t.toInstant();
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = Db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void secretsAreHashedAtRestAndFirstStartFilesArePrivate() throws Exception {
    try (Connection c = Db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT kind, site_id, secret_hash, secret_mask FROM workspace_credential")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        String stored = rs.getString(2) + rs.getString(3) + rs.getString(4);
        assertThat(stored)
            .doesNotContain(ItConfig.trackApiKey(), ItConfig.appApiKey(), ItConfig.writeKey());
        assertThat(rs.getString(3)).hasSize(64);
      }
      assertThat(rows).isGreaterThanOrEqualTo(3);
    }
    try (Connection c = Db.connect();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT password_hash FROM workspace_admin_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1))
          .startsWith("PBKDF2WithHmacSHA256:")
          .doesNotContain(ItConfig.adminPassword());
    }
    Path credentials = ItConfig.dataDir().resolve("bootstrap-credentials.txt");
    assertThat(Files.getPosixFilePermissions(credentials))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(credentials))
        .contains(ItConfig.siteId(), ItConfig.appApiKey(), ItConfig.adminEmail());
    Path key = ItConfig.dataDir().resolve("secret.key");
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(java.util.Base64.getDecoder().decode(Files.readString(key).trim())).hasSize(32);
  }
}
