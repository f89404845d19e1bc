package io.herald.plugins.smstwilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code application/x-www-form-urlencoded} parameters: what Herald posts to Twilio and what Twilio
 * posts back. Names keep their order of first appearance; a name may repeat.
 */
final class FormParams {

  private final Map<String, List<String>> values;

  private FormParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** An empty set to add to. */
  static FormParams empty() {
    return new FormParams(new LinkedHashMap<>());
  }

  /**
   * Parses a form body. Malformed percent escapes keep the raw text rather than failing: the
   * signature check decides whether such a body is Twilio's.
   */
  static FormParams parse(String body, Charset charset) {
    FormParams params = empty();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(decode(name, charset), decode(value, charset));
    }
    return params;
  }

  /** Adds a value (empty values are kept). */
  FormParams add(String name, String value) {
    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  /** The first value of {@code name}, if any. */
  Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The first value of {@code name}, empty when absent. */
  String get(String name) {
    return first(name).orElse("");
  }

  /** Every name with its values, in Java's {@link String} order (Twilio's signing order). */
  Map<String, List<String>> sorted() {
    Map<String, List<String>> sorted = new TreeMap<>();
    values.forEach((k, v) -> sorted.put(k, Collections.unmodifiableList(v)));
    return Collections.unmodifiableMap(sorted);
  }

  /** The body to post: {@code name=value&…}, UTF-8, spaces as {@code +}. */
  String encode() {
    StringBuilder body = new StringBuilder();
    values.forEach(
        (name, list) -> {
          for (String value : list) {
            if (body.length() > 0) {
              body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return body.toString();
  }

  private static String decode(String text, Charset charset) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
