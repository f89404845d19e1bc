package io.herald.messaging.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Customer.io's {@code cc} and {@code bcc}: one string of comma-separated addresses, each a
 * bare {@code local@domain} or {@code Name <local@domain>} (a quoted name may contain commas).
 */
final class AddressList {

  /** Most addresses one field may name. */
  static final int MAX_ADDRESSES = 50;

  private static final Pattern ADDR_SPEC =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");

  private static final Pattern DISPLAY_NAME =
      Pattern.compile("(\"([^\"\\\\\\r\\n]|\\\\.)*\"|[^\"<>,;:@\\r\\n]*)");

  private AddressList() {}

  /**
   * The addresses of {@code value}, each trimmed; adds one problem naming {@code field} (and the
   * position, never the address) when one is malformed.
   */
  static List<String> parse(String field, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> parts = split(value);
    if (parts.size() > MAX_ADDRESSES) {
      problems.add(field + " names more than " + MAX_ADDRESSES + " addresses");
      return List.of();
    }
    List<String> addresses = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      String address = part.strip();
      if (part.indexOf('\r') >= 0 || part.indexOf('\n') >= 0 || !valid(address)) {
        problems.add(
            field
                + " address "
                + (i + 1)
                + " is not a valid email address (use a@b.c or Name <a@b.c>, comma-separated)");
        return List.of();
      }
      addresses.add(address);
    }
    return List.copyOf(addresses);
  }

  static boolean valid(String address) {
    if (address.isEmpty() || address.length() > 998) {
      return false;
    }
    int lt = address.lastIndexOf('<');
    if (lt < 0) {
      return ADDR_SPEC.matcher(address).matches();
    }
    if (!address.endsWith(">")) {
      return false;
    }
    String name = address.substring(0, lt).strip();
    String spec = address.substring(lt + 1, address.length() - 1);
    return DISPLAY_NAME.matcher(name).matches() && ADDR_SPEC.matcher(spec).matches();
  }

  /** Splits at commas outside double quotes. */
  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' && quoted && i + 1 < value.length()) {
        current.append(ch).append(value.charAt(++i));
        continue;
      }
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == ',' && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
