package io.herald.plugin.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request a delivery provider (or a mailbox forwarder, or an MTA) made to the callback URL
 * of one channel setting, handed to {@link ChannelProvider#handleCallback}. The host has already
 * matched the setting by the unguessable token in the URL and limited the body's size; everything
 * else (signatures, shared secrets, the format) is the provider's to check.
 *
 * <p>{@link #toString()} shows the method, sub-path, content type, header names and body length,
 * never header values or the body, since those may carry signatures or shared secrets.
 *
 * @param method the HTTP method in upper case, for example {@code POST}
 * @param subPath what followed the callback URL without a leading slash ({@code "bounces"} for
 *     {@code …/callbacks/{token}/bounces}), empty when nothing did
 * @param headers the request headers; lookups through {@link #header} ignore case
 * @param query the query parameters, each with its values in order
 * @param body the request body, possibly empty; a copy is kept and {@link #body()} returns a copy
 * @param contentType the {@code Content-Type} header, empty when absent
 * @param remoteAddress the client's IP address as the host saw it, empty when unknown
 * @param url the absolute URL the provider called, as it knows it: Herald's public URL ({@code
 *     herald.public-url}), the callback path and the query string exactly as received; what
 *     providers sign (Twilio's {@code X-Twilio-Signature}); empty when the host does not know it
 *     (since 1.4.0)
 * @since 1.2.0
 */
public record InboundCallback(
    String method,
    String subPath,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    byte[] body,
    String contentType,
    String remoteAddress,
    String url) {

  /** Normalises nulls to empty values and copies everything; header names ignore case. */
  public InboundCallback {
    method = method == null ? "" : method.toUpperCase(Locale.ROOT);
    subPath = subPath == null ? "" : stripSlashes(subPath);
    headers = caseInsensitiveCopy(headers);
    query = copy(query);
    body = body == null ? new byte[0] : body.clone();
    contentType = contentType == null ? "" : contentType;
    remoteAddress = remoteAddress == null ? "" : remoteAddress;
    url = url == null ? "" : url;
  }

  /**
   * The 1.2.0 constructor: no URL.
   *
   * @param method see the record
   * @param subPath see the record
   * @param headers see the record
   * @param query see the record
   * @param body see the record
   * @param contentType see the record
   * @param remoteAddress see the record
   * @deprecated since 1.4.0; the host passes the URL
   */
  @Deprecated(since = "1.4.0")
  public InboundCallback(
      String method,
      String subPath,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      byte[] body,
      String contentType,
      String remoteAddress) {
    this(method, subPath, headers, query, body, contentType, remoteAddress, "");
  }

  /** A copy of the body (the record keeps its own). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** The first value of a header, whatever the case of its name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter (names are case-sensitive). */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The body as text, decoded with the {@code charset} parameter of the content type, or UTF-8 when
   * there is none or it is unknown. Malformed bytes become U+FFFD.
   */
  public String bodyText() {
    return new String(body, charset());
  }

  /** The media type without parameters, lower case, for example {@code message/rfc822}. */
  public String mediaType() {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private Charset charset() {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        try {
          return Charset.forName(pair[1].trim().replace("\"", ""));
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Two callbacks are equal when all fields are, the body compared by content. */
  @Override
  public boolean equals(Object other) {
    return other instanceof InboundCallback c
        && method.equals(c.method)
        && subPath.equals(c.subPath)
        && headers.equals(c.headers)
        && query.equals(c.query)
        && java.util.Arrays.equals(body, c.body)
        && contentType.equals(c.contentType)
        && remoteAddress.equals(c.remoteAddress)
        && url.equals(c.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        method, subPath, headers, query, java.util.Arrays.hashCode(body), contentType);
  }

  /** Method, sub-path, content type, header names and body length; no values. */
  @Override
  public String toString() {
    return "InboundCallback[method="
        + method
        + ", subPath="
        + subPath
        + ", contentType="
        + contentType
        + ", headers="
        + headers.keySet()
        + ", bodyLength="
        + body.length
        + "]";
  }

  private static String stripSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (k != null) {
              copy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(values(v));
            }
          });
      copy.replaceAll((k, v) -> List.copyOf(v));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new TreeMap<>();
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (k != null) {
              copy.put(k, List.copyOf(values(v)));
            }
          });
    }
    return Collections.unmodifiableMap(copy);
  }

  private static List<String> values(List<String> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }
}
