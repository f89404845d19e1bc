package io.herald.plugins.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP/1.1 request as the webhook sends it.
 *
 * @param method the method in upper case
 * @param uri the absolute http or https URI, without user info
 * @param headers header names and values in order, already checked for CR and LF
 * @param body the body bytes, empty for none
 * @param timeout the whole call's budget: connect, send and read the answer
 */
record HttpRequest(
    String method,
    URI uri,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    Duration timeout) {

  HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(timeout, "timeout");
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The port the URI names, or the scheme's default. */
  int port() {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Whether the call uses TLS. */
  boolean tls() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  /** Method and endpoint (scheme, host, port): what the log may show; never path or query. */
  String endpoint() {
    return method + " " + uri.getScheme() + "://" + uri.getHost() + ":" + port();
  }

  /** Method and host only. */
  @Override
  public String toString() {
    return "HttpRequest[" + endpoint() + ", " + body.length + " bytes]";
  }
}
