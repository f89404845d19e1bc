package io.herald.people.internal;

import java.util.regex.Pattern;

/**
 * The E.164 form of a phone attribute, as the {@code phone_e164} column keeps it (the migration
 * that added the column computes the same for existing rows): spaces, brackets, dots, slashes and
 * hyphens dropped, a leading {@code 00} read as {@code +}, a missing {@code +} added (WhatsApp
 * reports numbers without it); null when the result is not E.164 ({@code +}, then 2 to 15 digits,
 * the first not zero), such as a national number with a trunk 0.
 */
final class PhoneNumbers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s()./-]");
  private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{1,14}");

  private PhoneNumbers() {}

  /** The number in E.164 form, null when it has none. */
  static String e164(String number) {
    if (number == null) {
      return null;
    }
    String n = SEPARATORS.matcher(number).replaceAll("");
    if (n.startsWith("+")) {
      n = n.substring(1);
    } else if (n.startsWith("00")) {
      n = n.substring(2);
    }
    return DIGITS.matcher(n).matches() ? "+" + n : null;
  }
}
