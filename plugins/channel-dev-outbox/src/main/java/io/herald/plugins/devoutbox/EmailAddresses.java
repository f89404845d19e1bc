package io.herald.plugins.devoutbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks single RFC 5322 addresses ({@code hello@acme.test} or {@code Acme <hello@acme.test>}) the
 * way an SMTP provider would before sending: one mailbox with a dot-atom or quoted local part and a
 * domain of host-name labels or an address literal. UTF-8 letters are allowed (SMTPUTF8); line
 * breaks, control characters, lists and groups are not.
 */
final class EmailAddresses {

  /** RFC 5321's limit on a whole path and RFC 5322's line limit. */
  private static final int MAX_LENGTH = 998;

  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 255;

  private static final String ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
  private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "+(\\." + ATEXT + "+)*");
  private static final Pattern QUOTED =
      Pattern.compile("\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"");
  private static final Pattern LABEL =
      Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
  private static final Pattern LITERAL = Pattern.compile("\\[[A-Za-z0-9:.]{2,45}\\]");
  private static final Pattern DISPLAY_NAME =
      Pattern.compile("(\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"|[^\"<>,;:@\\p{Cntrl}]+)");

  private EmailAddresses() {}

  /**
   * A parsed address.
   *
   * @param displayName the display name without quotes, empty when there is none
   * @param mailbox {@code local@domain}
   */
  record Address(String displayName, String mailbox) {

    /** The domain of the mailbox, lower-cased. */
    String domain() {
      return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
  }

  /** The address in {@code text}, or empty when it is not exactly one well-formed address. */
  static Optional<Address> parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    if (!trimmed.endsWith(">")) {
      return mailbox(trimmed).map(m -> new Address("", m));
    }
    int open = trimmed.lastIndexOf('<');
    if (open < 0) {
      return Optional.empty();
    }
    String display = trimmed.substring(0, open).strip();
    if (!display.isEmpty() && !DISPLAY_NAME.matcher(display).matches()) {
      return Optional.empty();
    }
    String name = display.startsWith("\"") ? display.substring(1, display.length() - 1) : display;
    return mailbox(trimmed.substring(open + 1, trimmed.length() - 1))
        .map(m -> new Address(name.replaceAll("\\\\(.)", "$1"), m));
  }

  private static Optional<String> mailbox(String spec) {
    int at = spec.lastIndexOf('@');
    if (at <= 0 || at == spec.length() - 1) {
      return Optional.empty();
    }
    String local = spec.substring(0, at);
    String domain = spec.substring(at + 1);
    boolean localOk =
        local.length() <= MAX_LOCAL_PART
            && (DOT_ATOM.matcher(local).matches() || QUOTED.matcher(local).matches());
    return localOk && domainOk(domain) ? Optional.of(spec) : Optional.empty();
  }

  private static boolean domainOk(String domain) {
    if (domain.length() > MAX_DOMAIN) {
      return false;
    }
    if (LITERAL.matcher(domain).matches()) {
      return true;
    }
    for (String label : domain.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
