package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workspace's suppression list: addresses that permanently bounced, complained or were added by
 * an admin. Sends to them are dropped before rendering, whatever the person's subscription says
 * (suppression is about deliverability, not consent). Each channel has its own list, keyed by the
 * channel's address: {@code email} (email addresses), {@code sms} and {@code whatsapp} (E.164
 * numbers), {@code push} (device tokens).
 */
public interface Suppressions {

  /** The channels that have a suppression list. */
  List<String> CHANNELS = List.of("email", "sms", "whatsapp", "push");

  /** Longest address kept (RFC 5321: 64 + 1 + 255, rounded up). */
  int MAX_ADDRESS = 320;

  /**
   * The workspace's suppressed addresses of a channel, newest first.
   *
   * @param beforeId only rows older than this id (a previous page's last), null for the newest
   * @param limit at most this many
   */
  List<SuppressionView> list(WorkspaceId workspace, String channel, Long beforeId, int limit);

  /**
   * The suppression of an address (normalised first, {@link #normalise}), empty when it is not
   * suppressed.
   */
  Optional<SuppressionView> find(WorkspaceId workspace, String channel, String address);

  /**
   * Suppresses an address by hand; an address already suppressed keeps its first reason.
   *
   * @return the suppression and whether this call added it
   * @throws InvalidMessageException for an unknown channel or an address that is not one
   */
  Added add(WorkspaceId workspace, String channel, String address);

  /**
   * Lifts a suppression, so the address gets messages again.
   *
   * @return false when the address was not suppressed
   */
  boolean remove(WorkspaceId workspace, String channel, String address);

  /**
   * The result of {@link #add}.
   *
   * @param suppression the row (the earlier one when the address was already suppressed)
   * @param created whether this call added it
   */
  record Added(SuppressionView suppression, boolean created) {}

  /**
   * The key an address of {@code channel} is suppressed under: trimmed, for {@code Name <a@b>} the
   * part in angle brackets, and for {@code email} lower-case. Other channels keep their case: a
   * push device token is case-sensitive (FCM's are), and E.164 numbers have no letters.
   */
  static String normalise(String channel, String address) {
    String a = address.trim();
    int open = a.lastIndexOf('<');
    if (open >= 0 && a.endsWith(">")) {
      a = a.substring(open + 1, a.length() - 1).trim();
    }
    return "email".equals(channel) ? a.toLowerCase(Locale.ROOT) : a;
  }

  /**
   * Problems with an address for {@link #add}: empty when it is a plausible email address (one
   * {@code @} with text on both sides, no spaces or angle brackets, at most {@link #MAX_ADDRESS}
   * characters).
   */
  static Optional<String> problem(String channel, String address) {
    if (!CHANNELS.contains(channel)) {
      return Optional.of("channel must be one of " + String.join(", ", CHANNELS));
    }
    String a = normalise(channel, address);
    if (channel.equals("sms") || channel.equals("whatsapp")) {
      return a.matches("\\+[1-9][0-9]{1,14}")
          ? Optional.empty()
          : Optional.of("address must be an E.164 phone number such as +15555550100");
    }
    if (channel.equals("push")) {
      return !a.isEmpty() && a.length() <= MAX_ADDRESS && a.matches("[^\\s]+")
          ? Optional.empty()
          : Optional.of("address must be a device token of at most " + MAX_ADDRESS + " characters");
    }
    int at = a.indexOf('@');
    if (a.isEmpty()
        || a.length() > MAX_ADDRESS
        || at <= 0
        || at != a.lastIndexOf('@')
        || at == a.length() - 1
        || !a.matches("[^\\s<>()\\[\\],;:\"]+")) {
      return Optional.of(
          "address must be an email address of at most " + MAX_ADDRESS + " characters");
    }
    return Optional.empty();
  }
}
