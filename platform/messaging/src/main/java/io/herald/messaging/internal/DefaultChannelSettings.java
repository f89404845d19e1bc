package io.herald.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettingView;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.HostChannelProvider;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SendRateLimit;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.shared.crypto.SecretCipher;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Channel settings in {@code messaging_channel}: non-secret values as JSON, secret ones as JSON
 * encrypted with the node's key. A secret left out of a save keeps its stored value (write-only
 * secrets, as in the console form). Each setting has a random callback token, set on its first save
 * and kept afterwards: the capability in its callback URL.
 */
@ApplicationScoped
public class DefaultChannelSettings implements ChannelSettings {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject PluginHost plugins;

  @Inject SecretCipher cipher;

  @Inject Instance<HostChannelProvider> hosts;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "herald.public-url",
      defaultValue = "http://localhost:8080")
  String publicUrl;

  private final SecureRandom random = new SecureRandom();

  /** Saves and deletes on this node (see {@link #changes()}). */
  private final AtomicLong changes = new AtomicLong();

  /** A stored setting with its secrets decrypted, for the provider registry only. */
  record Stored(
      long workspaceId,
      String name,
      String channel,
      String provider,
      Map<String, String> values,
      SendRateLimit rateLimit,
      int version) {}

  @Override
  public ChannelSettingView save(WorkspaceId workspace, ChannelSettingInput input) {
    List<String> problems = new ArrayList<>();
    String name = input.name() == null ? "" : input.name();
    if (!NAME.matcher(name).matches()) {
      problems.add("name must be 1 to 64 lower-case letters, digits, - or _");
    }
    String channel = input.channel() == null ? "" : input.channel().toLowerCase(Locale.ROOT);
    Optional<ChannelProviderInfo> info =
        plugins.channelProviders().stream()
            .filter(p -> p.descriptor().id().equals(input.provider()))
            .findFirst()
            .or(() -> hostProvider(input.provider()));
    if (info.isEmpty()) {
      problems.add("provider " + input.provider() + " is not a started channel plugin");
      throw new InvalidMessageException(problems);
    }
    String kind = info.get().descriptor().kind().name().toLowerCase(Locale.ROOT);
    if (!channel.equals(kind)) {
      problems.add("channel must be " + kind + " for provider " + input.provider());
    }
    ConfigSchema schema = info.get().configSchema();
    Optional<Stored> previous = stored(workspace.value(), name);
    Map<String, String> merged = new TreeMap<>(input.settings());
    if (previous.isPresent() && previous.get().provider().equals(input.provider())) {
      for (ConfigProperty p : schema.properties()) {
        if (p.secret() && !merged.containsKey(p.name())) {
          String old = previous.get().values().get(p.name());
          if (old != null) {
            merged.put(p.name(), old);
          }
        }
      }
    }
    for (String key : merged.keySet()) {
      if (schema.property(key).isEmpty()) {
        problems.add("settings." + key + " is not a setting of " + input.provider());
      }
    }
    if (problems.isEmpty()) {
      schema.validate(merged).forEach(p -> problems.add("settings: " + p));
    }
    RateLimitColumns.check(input.rateLimit(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    Map<String, String> plain = new TreeMap<>();
    Map<String, String> secret = new TreeMap<>();
    merged.forEach(
        (k, v) -> {
          boolean isSecret = schema.property(k).map(ConfigProperty::secret).orElse(false);
          (isSecret ? secret : plain).put(k, v);
        });
    Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          if (input.isDefault()) {
            try (PreparedStatement clear =
                c.prepareStatement(
                    "UPDATE messaging_channel SET is_default = 0"
                        + " WHERE workspace_id = ? AND channel = ? AND name <> ?")) {
              clear.setLong(1, workspace.value());
              clear.setString(2, channel);
              clear.setString(3, name);
              clear.executeUpdate();
            }
          }
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO messaging_channel (workspace_id, name, channel, provider, settings,"
                      + " secrets, is_default, rate_per_second, burst, domain_limits, version,"
                      + " callback_token, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, NOW(3), NOW(3))"
                      + " ON DUPLICATE KEY UPDATE channel = VALUES(channel),"
                      + " provider = VALUES(provider), settings = VALUES(settings),"
                      + " secrets = VALUES(secrets), is_default = VALUES(is_default),"
                      + " rate_per_second = VALUES(rate_per_second), burst = VALUES(burst),"
                      + " domain_limits = VALUES(domain_limits),"
                      + " callback_token = COALESCE(callback_token, VALUES(callback_token)),"
                      + " version = version + 1, updated_at = NOW(3)")) {
            upsert.setLong(1, workspace.value());
            upsert.setString(2, name);
            upsert.setString(3, channel);
            upsert.setString(4, input.provider());
            upsert.setString(5, write(plain));
            upsert.setString(6, secret.isEmpty() ? null : cipher.encrypt(write(secret)));
            upsert.setBoolean(7, input.isDefault());
            SendRateLimit limit = input.rateLimit();
            upsert.setObject(8, limit == null ? null : limit.perSecond());
            upsert.setObject(9, limit == null ? null : limit.burst());
            upsert.setString(
                10,
                limit == null || limit.domains().isEmpty()
                    ? null
                    : RateLimitColumns.write(limit.domains()));
            upsert.setString(11, newToken());
            upsert.executeUpdate();
          }
          return null;
        });
    changes.incrementAndGet();
    return list(workspace).stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("channel setting " + name + " vanished"));
  }

  @Override
  public List<ChannelSettingView> list(WorkspaceId workspace) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> {
          fillMissingTokens(c, workspace.value());
          List<ChannelSettingView> views = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT name, channel, provider, settings, secrets, is_default, updated_at,"
                      + " rate_per_second, burst, domain_limits, callback_token"
                      + " FROM messaging_channel WHERE workspace_id = ? ORDER BY name")) {
            q.setLong(1, workspace.value());
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                String secrets = rs.getString(5);
                views.add(
                    new ChannelSettingView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        read(rs.getString(4)),
                        secrets == null
                            ? java.util.Set.of()
                            : read(cipher.decrypt(secrets)).keySet(),
                        rs.getBoolean(6),
                        RateLimitColumns.read(rs, 8),
                        DateTimes.instant(rs.getObject(7)),
                        callbackUrl(rs.getString(11))));
              }
            }
          }
          return views;
        });
  }

  @Override
  public boolean delete(WorkspaceId workspace, String name) {
    boolean deleted =
        Transactions.autoCommit(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement d =
                  c.prepareStatement(
                      "DELETE FROM messaging_channel WHERE workspace_id = ? AND name = ?")) {
                d.setLong(1, workspace.value());
                d.setString(2, name);
                return d.executeUpdate() > 0;
              }
            });
    changes.incrementAndGet();
    return deleted;
  }

  /**
   * The setting whose callback URL carries {@code token}, with its secrets decrypted.
   *
   * @return empty for a token no setting has
   */
  Optional<Stored> byCallbackToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 64) {
      return Optional.empty();
    }
    Optional<Object[]> owner =
        Transactions.autoCommit(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement q =
                  c.prepareStatement(
                      "SELECT workspace_id, name FROM messaging_channel WHERE callback_token = ?")) {
                q.setString(1, token);
                try (ResultSet rs = q.executeQuery()) {
                  return rs.next()
                      ? Optional.of(new Object[] {rs.getLong(1), rs.getString(2)})
                      : Optional.empty();
                }
              }
            });
    return owner.flatMap(o -> stored((Long) o[0], (String) o[1]));
  }

  /** A provider built into Herald ({@link HostChannelProvider}): no settings of its own. */
  private Optional<ChannelProviderInfo> hostProvider(String id) {
    return hosts.stream()
        .filter(h -> h.descriptor().id().equals(id))
        .findFirst()
        .map(h -> new ChannelProviderInfo("herald", h.descriptor(), new ConfigSchema(List.of())));
  }

  /** {@code herald.public-url/callbacks/{token}}. */
  String callbackUrl(String token) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/callbacks/" + token;
  }

  /** 32 random bytes, URL-safe base64 without padding (43 characters). */
  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Settings saved before callback tokens existed get one (once: a token is never replaced). */
  private void fillMissingTokens(Connection c, long workspaceId) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT name FROM messaging_channel WHERE workspace_id = ? AND callback_token IS NULL")) {
      q.setLong(1, workspaceId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    for (String name : names) {
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE messaging_channel SET callback_token = ?"
                  + " WHERE workspace_id = ? AND name = ? AND callback_token IS NULL")) {
        u.setString(1, newToken());
        u.setLong(2, workspaceId);
        u.setString(3, name);
        u.executeUpdate();
      }
    }
  }

  /** A setting by name with its secrets decrypted. */
  /**
   * How many times settings were saved or deleted on this node: {@link ProviderRegistry} reads a
   * setting again when it changes.
   */
  long changes() {
    return changes.get();
  }

  Optional<Stored> stored(long workspaceId, String name) {
    return Transactions.autoCommit(
        dataSource, "messaging", c -> query(c, "workspace_id = ? AND name = ?", workspaceId, name));
  }

  /** The default setting of a channel, else its only one. */
  Optional<Stored> defaultFor(long workspaceId, String channel) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c ->
            query(
                c,
                "workspace_id = ? AND channel = ? ORDER BY is_default DESC, name",
                workspaceId,
                channel));
  }

  private Optional<Stored> query(Connection c, String where, long workspaceId, String value)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT name, channel, provider, settings, secrets, version, rate_per_second, burst,"
                + " domain_limits FROM messaging_channel"
                + " WHERE "
                + where
                + " LIMIT 1")) {
      q.setLong(1, workspaceId);
      q.setString(2, value);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Map<String, String> values = new TreeMap<>(read(rs.getString(4)));
        String secrets = rs.getString(5);
        if (secrets != null) {
          values.putAll(read(cipher.decrypt(secrets)));
        }
        return Optional.of(
            new Stored(
                workspaceId,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Map.copyOf(values),
                RateLimitColumns.read(rs, 7),
                rs.getInt(6)));
      }
    }
  }

  private static String write(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> read(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored channel settings are not JSON", e);
    }
  }
}
