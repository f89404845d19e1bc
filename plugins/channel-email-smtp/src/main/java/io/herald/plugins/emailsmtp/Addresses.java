package io.herald.plugins.emailsmtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/** Parsing of single RFC 5322 addresses such as {@code Acme <hello@acme.test>}. */
final class Addresses {

  private Addresses() {}

  /**
   * Parses exactly one address with a local part and a domain; a display name is kept and encoded
   * as UTF-8 where it needs encoding.
   *
   * @throws AddressException when the text is not exactly one such address or holds a line break
   */
  static InternetAddress single(String text) throws AddressException {
    if (text == null || text.isBlank() || Headers.hasLineBreak(text)) {
      throw new AddressException("not an address");
    }
    InternetAddress[] parsed = InternetAddress.parseHeader(text.trim(), true);
    if (parsed.length != 1) {
      throw new AddressException("not exactly one address");
    }
    InternetAddress address = parsed[0];
    address.validate();
    String mailbox = address.getAddress();
    int at = mailbox.lastIndexOf('@');
    if (at <= 0 || at == mailbox.length() - 1 || address.isGroup()) {
      throw new AddressException("address needs a local part and a domain");
    }
    try {
      return address.getPersonal() == null
          ? new InternetAddress(mailbox)
          : new InternetAddress(mailbox, address.getPersonal(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AddressException("UTF-8 is not supported");
    }
  }

  /** The domain of a parsed address, lower-cased. */
  static String domain(InternetAddress address) {
    String mailbox = address.getAddress();
    return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
