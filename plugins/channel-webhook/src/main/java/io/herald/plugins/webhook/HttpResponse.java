package io.herald.plugins.webhook;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to an {@link HttpRequest}.
 *
 * @param status the status code
 * @param headers header values by name (case-insensitive), in order
 * @param body the first bytes of the body, at most the client's cap
 * @param truncated whether the body went on past the cap
 */
record HttpResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

  HttpResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of a header. */
  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The media type without parameters, lower case; empty when there is no Content-Type. */
  String mediaType() {
    String type = header("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The body decoded with the Content-Type's charset, else UTF-8. */
  String bodyText() {
    return new String(body, charset());
  }

  private Charset charset() {
    for (String parameter : header("Content-Type").orElse("").split(";")) {
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
}
