package io.herald.plugins.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.OutboundMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an {@link OutboundMessage} of the {@code WEBHOOK} channel into the {@link HttpRequest} to
 * send: the recipient is the URL, {@code payload.method} the method (default {@code POST}), {@code
 * payload.timeout_seconds} the budget, {@code headers()} the request headers and {@code body()} the
 * body.
 */
final class WebhookRequests {

  static final String USER_AGENT = "Herald-Webhook/1.0";

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Headers that describe the connection or the framing, which the channel sets itself. */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection",
          "expect");

  private final ObjectMapper json;
  private final Duration defaultTimeout;

  WebhookRequests(ObjectMapper json, Duration defaultTimeout) {
    this.json = json;
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * The request for {@code message}.
   *
   * @throws InvalidMessageException naming the field that cannot be sent
   */
  HttpRequest build(OutboundMessage message) throws InvalidMessageException {
    URI url = url(message.recipient());
    String method = method(message.payload().get("method"));
    Duration timeout = timeout(message.payload().get("timeout_seconds"));
    byte[] body =
        method.equals("GET") ? new byte[0] : message.body().getBytes(StandardCharsets.UTF_8);

    Map<String, String> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : new TreeMap<>(message.headers()).entrySet()) {
      String name = header.getKey();
      String value = header.getValue() == null ? "" : header.getValue();
      checkHeader(name, value);
      given.put(name, value);
      headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    }
    if (url.getRawUserInfo() != null && !given.containsKey("Authorization")) {
      String credentials = decode(url.getRawUserInfo());
      headers.add(
          header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }
    if (body.length > 0 && !given.containsKey("Content-Type")) {
      headers.add(
          header(
              "Content-Type",
              looksLikeJson(message.body()) ? "application/json" : "text/plain; charset=UTF-8"));
    }
    if (!given.containsKey("User-Agent")) {
      headers.add(header("User-Agent", USER_AGENT));
    }
    if (!given.containsKey("Idempotency-Key")) {
      headers.add(header("Idempotency-Key", message.idempotencyKey()));
    }
    return new HttpRequest(method, withoutUserInfo(url), headers, body, timeout);
  }

  private static URI url(String recipient) throws InvalidMessageException {
    URI uri;
    try {
      uri = new URI(recipient.trim());
    } catch (URISyntaxException e) {
      throw new InvalidMessageException("recipient: not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidMessageException("recipient: not an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidMessageException("recipient: the URL has no host");
    }
    return uri;
  }

  /** The URL without user info or fragment (the host name as given, never resolved here). */
  private static URI withoutUserInfo(URI uri) throws InvalidMessageException {
    String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    try {
      return new URI(
          uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + rawPathAndQuery(uri));
    } catch (URISyntaxException e) {
      throw new InvalidMessageException("recipient: not a valid URL");
    }
  }

  private static String rawPathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String method(Object value) throws InvalidMessageException {
    if (value == null) {
      return "POST";
    }
    String method = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidMessageException(
          "method: must be one of GET, POST, PUT, PATCH, DELETE, not " + abbreviate(method));
    }
    return method;
  }

  private Duration timeout(Object value) throws InvalidMessageException {
    if (value == null) {
      return defaultTimeout;
    }
    double seconds;
    try {
      seconds =
          value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0) || seconds > WebhookSchema.MAX_TIMEOUT_SECONDS) {
      throw new InvalidMessageException(
          "timeout_seconds: must be a number from 1 to " + WebhookSchema.MAX_TIMEOUT_SECONDS);
    }
    return Duration.ofMillis(Math.max(1000, Math.round(seconds * 1000)));
  }

  private static void checkHeader(String name, String value) throws InvalidMessageException {
    if (name.isEmpty() || !name.chars().allMatch(WebhookRequests::isTokenChar)) {
      throw new InvalidMessageException("headers: not a valid header name: " + abbreviate(name));
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new InvalidMessageException("headers: " + name + " is set by the webhook channel");
    }
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new InvalidMessageException("headers: the value of " + name + " has a line break");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private boolean looksLikeJson(String body) {
    String trimmed = body.trim();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return false;
    }
    try {
      json.readTree(trimmed);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String decode(String rawUserInfo) {
    return java.net.URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Map.Entry<String, String> header(String name, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(name, value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
