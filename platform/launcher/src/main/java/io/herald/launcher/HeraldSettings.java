package io.herald.launcher;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Hands Herald's settings to Payara Micro as a system-properties file ({@code --systemProperties}).
 *
 * <p>Why not the environment: Payara resolves the {@code ${MPCONFIG=herald.db.url}} placeholders of
 * the WAR's {@code @DataSourceDefinition} without MicroProfile Config's environment-variable name
 * mapping, so {@code HERALD_DB_URL} would arrive as the literal placeholder. Why not {@code -D}
 * options: the process list would show the database password. The file is created {@code 0600}.
 */
final class HeraldSettings {

  /** Environment variable to MicroProfile Config key, for every setting the WAR reads. */
  static final Map<String, String> KEYS = keys();

  private HeraldSettings() {}

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("HERALD_DB_URL", "herald.db.url");
    keys.put("HERALD_DB_USER", "herald.db.user");
    keys.put("HERALD_DB_PASSWORD", "herald.db.password");
    keys.put("HERALD_DB_EMBEDDED", "herald.db.embedded");
    keys.put("HERALD_DATA_DIR", "herald.data-dir");
    keys.put("HERALD_PLUGINS_DIR", "herald.plugins-dir");
    keys.put("HERALD_SECRET_KEY", "herald.secret-key");
    keys.put("HERALD_BOOTSTRAP_SITE_ID", "herald.bootstrap.site-id");
    keys.put("HERALD_BOOTSTRAP_TRACK_API_KEY", "herald.bootstrap.track-api-key");
    keys.put("HERALD_BOOTSTRAP_APP_API_KEY", "herald.bootstrap.app-api-key");
    keys.put("HERALD_BOOTSTRAP_WRITE_KEY", "herald.bootstrap.write-key");
    keys.put("HERALD_BOOTSTRAP_ADMIN_EMAIL", "herald.bootstrap.admin-email");
    keys.put("HERALD_BOOTSTRAP_ADMIN_PASSWORD", "herald.bootstrap.admin-password");
    keys.put("HERALD_API_REQUESTS_PER_SECOND", "herald.api.requests-per-second");
    keys.put("HERALD_AUTH_CACHE_SECONDS", "herald.auth.cache-seconds");
    keys.put("HERALD_INGEST_WRITERS", "herald.ingest.writers");
    keys.put("HERALD_INGEST_MAX_ROWS_PER_COMMIT", "herald.ingest.max-rows-per-commit");
    keys.put("HERALD_EVENTS_FEED_SETTLE_SECONDS", "herald.events.feed-settle-seconds");
    keys.put("HERALD_SCHEDULING_HEARTBEAT_SECONDS", "herald.scheduling.heartbeat-seconds");
    keys.put("HERALD_SCHEDULING_NODE_REAPER_SECONDS", "herald.scheduling.node-reaper-seconds");
    keys.put(
        "HERALD_SCHEDULING_NODE_RETENTION_MINUTES", "herald.scheduling.node-retention-minutes");
    keys.put("HERALD_BENCH_NOOP_ENDPOINT", "herald.bench.noop-endpoint");
    keys.put("HERALD_PUBLIC_URL", "herald.public-url");
    keys.put("HERALD_MESSAGING_SENDER_ENABLED", "herald.messaging.sender.enabled");
    keys.put("HERALD_MESSAGING_SENDER_IDLE_MILLIS", "herald.messaging.sender.idle-millis");
    keys.put("HERALD_MESSAGING_SENDER_BATCH_SIZE", "herald.messaging.sender.batch-size");
    keys.put("HERALD_MESSAGING_SENDER_LEASE_SECONDS", "herald.messaging.sender.lease-seconds");
    keys.put("HERALD_MESSAGING_SENDER_MAX_ATTEMPTS", "herald.messaging.sender.max-attempts");
    keys.put(
        "HERALD_MESSAGING_SENDER_TRANSACTIONAL_THREADS",
        "herald.messaging.sender.transactional-threads");
    keys.put("HERALD_MESSAGING_SENDER_BULK_THREADS", "herald.messaging.sender.bulk-threads");
    keys.put("HERALD_MESSAGING_SENDER_BULK_BATCH_SIZE", "herald.messaging.sender.bulk-batch-size");
    keys.put("HERALD_MESSAGING_ENQUEUE_WRITERS", "herald.messaging.enqueue.writers");
    keys.put(
        "HERALD_MESSAGING_ENQUEUE_MAX_ROWS_PER_COMMIT",
        "herald.messaging.enqueue.max-rows-per-commit");
    keys.put("HERALD_MESSAGING_ENQUEUE_BULK_RENDERERS", "herald.messaging.enqueue.bulk-renderers");
    keys.put("HERALD_MESSAGING_BULK_YIELD_MILLIS", "herald.messaging.bulk-yield-millis");
    keys.put("HERALD_EVENTS_ANONYMOUS_RETENTION_DAYS", "herald.events.anonymous-retention-days");
    keys.put(
        "HERALD_EVENTS_ANONYMOUS_RETENTION_INTERVAL_MINUTES",
        "herald.events.anonymous-retention-interval-minutes");
    keys.put("HERALD_PEOPLE_FEED_SETTLE_SECONDS", "herald.people.feed-settle-seconds");
    keys.put("HERALD_SEGMENTS_REALTIME_ENABLED", "herald.segments.realtime.enabled");
    keys.put("HERALD_SEGMENTS_REALTIME_IDLE_MILLIS", "herald.segments.realtime.idle-millis");
    keys.put("HERALD_SEGMENTS_REALTIME_BATCH_SIZE", "herald.segments.realtime.batch-size");
    keys.put("HERALD_SEGMENTS_REALTIME_EVENT_WORKERS", "herald.segments.realtime.event-workers");
    keys.put(
        "HERALD_SEGMENTS_REALTIME_DROP_DELAY_MILLIS", "herald.segments.realtime.drop-delay-millis");
    keys.put(
        "HERALD_SEGMENTS_REALTIME_BACKLOG_PATIENCE", "herald.segments.realtime.backlog-patience");
    keys.put("HERALD_SEGMENTS_REALTIME_BACKLOG_REST", "herald.segments.realtime.backlog-rest");
    keys.put("HERALD_SEGMENTS_REBUILD_BATCH_SIZE", "herald.segments.rebuild.batch-size");
    keys.put(
        "HERALD_SEGMENTS_REBUILD_COLLECT_PARALLELISM",
        "herald.segments.rebuild.collect-parallelism");
    keys.put("HERALD_JOURNEYS_ENABLED", "herald.journeys.enabled");
    keys.put("HERALD_JOURNEYS_POLLERS", "herald.journeys.pollers");
    keys.put("HERALD_JOURNEYS_POLL_MILLIS", "herald.journeys.poll-millis");
    keys.put("HERALD_JOURNEYS_BATCH_SIZE", "herald.journeys.batch-size");
    keys.put("HERALD_JOURNEYS_LEASE_SECONDS", "herald.journeys.lease-seconds");
    keys.put("HERALD_JOURNEYS_EVENT_WINDOW_HOURS", "herald.journeys.event-window-hours");
    keys.put("HERALD_JOURNEYS_FEED_BATCH_SIZE", "herald.journeys.feed-batch-size");
    keys.put("HERALD_JOURNEYS_FEED_SETTLE_SECONDS", "herald.journeys.feed-settle-seconds");
    keys.put(
        "HERALD_JOURNEYS_OBJECT_CHANGE_RETENTION_DAYS",
        "herald.journeys.object-change-retention-days");
    keys.put(
        "HERALD_JOURNEYS_BROADCAST_RETENTION_DAYS", "herald.journeys.broadcast-retention-days");
    keys.put("HERALD_JOURNEYS_BROADCAST_MAX_ATTEMPTS", "herald.journeys.broadcast-max-attempts");
    keys.put(
        "HERALD_JOURNEYS_RETENTION_INTERVAL_MINUTES", "herald.journeys.retention-interval-minutes");
    return Map.copyOf(keys);
  }

  /** The properties for the variables of {@code env} that Herald knows. */
  static Properties from(Map<String, String> env) {
    Properties properties = new Properties();
    KEYS.forEach(
        (variable, key) -> {
          String value = env.get(variable);
          if (value != null && !value.isBlank()) {
            properties.setProperty(key, value);
          }
        });
    return properties;
  }

  /** Writes {@code properties} to a new {@code 0600} file at {@code file}, replacing an old one. */
  static void write(Properties properties, Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
      properties.store(
          out, "Herald settings for Payara Micro, written by the launcher at each start");
    }
  }
}
