package io.herald.exports.internal;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field holding a comma, a
 * double quote, CR or LF enclosed in double quotes with its quotes doubled.
 */
final class Csv {

  /** The record separator. */
  static final String CRLF = "\r\n";

  private Csv() {}

  /** One record, CRLF included. */
  static String row(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append(CRLF).toString();
  }

  /** A field, quoted when it must be; {@code null} is the empty field. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * An attribute value as a field's text: a string as it is, anything else as JSON ({@code 42},
   * {@code true}, {@code {"a":1}}); {@code null} (absent) as the empty field.
   */
  static String text(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }
}
