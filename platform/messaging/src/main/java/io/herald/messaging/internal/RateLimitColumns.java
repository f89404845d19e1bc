package io.herald.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.messaging.api.SendRateLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A channel setting's send rate limit: its checks, and its columns in {@code messaging_channel}
 * ({@code rate_per_second}, {@code burst}, {@code domain_limits} as JSON).
 */
final class RateLimitColumns {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Integer>> LIMITS = new TypeReference<>() {};
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final int MAX_RATE = 100_000;

  private RateLimitColumns() {}

  static void check(SendRateLimit limit, List<String> problems) {
    if (limit == null) {
      return;
    }
    if (limit.perSecond() < 1 || limit.perSecond() > MAX_RATE) {
      problems.add("rate_limit.per_second must be from 1 to " + MAX_RATE);
    }
    if (limit.burst() < 0 || limit.burst() > MAX_RATE) {
      problems.add("rate_limit.burst must be from 0 to " + MAX_RATE);
    }
    limit
        .domains()
        .forEach(
            (domain, rate) -> {
              if (!DOMAIN.matcher(domain).matches()) {
                problems.add("rate_limit.domains." + domain + " is not a lower-case domain name");
              } else if (rate == null || rate < 1 || rate > MAX_RATE) {
                problems.add("rate_limit.domains." + domain + " must be from 1 to " + MAX_RATE);
              }
            });
  }

  static SendRateLimit read(ResultSet rs, int first) throws SQLException {
    int perSecond = rs.getInt(first);
    if (rs.wasNull()) {
      return null;
    }
    String domains = rs.getString(first + 2);
    return new SendRateLimit(
        perSecond, rs.getInt(first + 1), domains == null ? Map.of() : readDomains(domains));
  }

  static String write(Map<String, Integer> limits) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(limits));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Integer> readDomains(String json) {
    try {
      return JSON.readValue(json, LIMITS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored domain limits are not JSON", e);
    }
  }
}
