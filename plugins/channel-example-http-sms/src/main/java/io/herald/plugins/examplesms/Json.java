package io.herald.plugins.examplesms;

/**
 * JSON string literals (RFC 8259 escaping), so the example needs no library. A real plugin may
 * bundle one: runtime dependencies go into the zip's {@code lib/} (see plugins/README.md).
 */
final class Json {

  private Json() {}

  /** {@code value} as a quoted JSON string. */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
