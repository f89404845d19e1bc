package io.herald.inapp.internal;

import io.herald.inapp.api.SdkOrigins;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Workspaces' allowed SDK origins in {@code inapp_settings}, read at most every 5 seconds per
 * workspace on each node (at once on the node that changed them): CORS answers need them on every
 * SDK call.
 */
@ApplicationScoped
public class DefaultSdkOrigins implements SdkOrigins {

  static final Duration FRESH = Duration.ofSeconds(5);

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject InAppSettings settings;

  @Inject Clock clock;

  private record Read(Optional<List<String>> origins, Instant at) {}

  private final Map<Long, Read> cache = new ConcurrentHashMap<>();

  @Override
  public List<String> allowed(WorkspaceId workspace) {
    return own(workspace).orElseGet(settings::allowedOrigins);
  }

  @Override
  public boolean isDefault(WorkspaceId workspace) {
    return own(workspace).isEmpty();
  }

  @Override
  public void set(WorkspaceId workspace, List<String> origins) {
    List<String> checked = SdkOrigins.check(origins);
    Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          if (checked.isEmpty()) {
            try (PreparedStatement d =
                c.prepareStatement("DELETE FROM inapp_settings WHERE workspace_id = ?")) {
              d.setLong(1, workspace.value());
              return d.executeUpdate();
            }
          }
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO inapp_settings (workspace_id, allowed_origins, updated_at)"
                      + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                      + " allowed_origins = VALUES(allowed_origins), updated_at = VALUES(updated_at)")) {
            u.setLong(1, workspace.value());
            u.setString(2, Jsons.createArrayBuilder(checked).build().toString());
            u.setString(3, DateTimes.text(clock.instant()));
            return u.executeUpdate();
          }
        });
    cache.remove(workspace.value());
  }

  private Optional<List<String>> own(WorkspaceId workspace) {
    Instant now = clock.instant();
    Read read = cache.get(workspace.value());
    if (read != null && read.at().plus(FRESH).isAfter(now)) {
      return read.origins();
    }
    Optional<List<String>> origins = load(workspace);
    cache.put(workspace.value(), new Read(origins, now));
    return origins;
  }

  private Optional<List<String>> load(WorkspaceId workspace) {
    return Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT allowed_origins FROM inapp_settings WHERE workspace_id = ?")) {
            q.setLong(1, workspace.value());
            try (ResultSet rs = q.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              try (var reader = Jsons.createReader(new StringReader(rs.getString(1)))) {
                JsonArray array = reader.readArray();
                return Optional.of(
                    array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
              }
            }
          }
        });
  }
}
