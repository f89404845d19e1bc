package io.herald.plugins.smstwilio;

import java.util.Locale;
import java.util.Set;

/**
 * What an inbound SMS asks for. Like Twilio's own opt-out handling, a message is a keyword only
 * when it is the keyword alone, whatever its case and surrounding blanks: "stop" unsubscribes,
 * "stop texting me" is a reply. With Advanced Opt-Out Twilio names the kind in {@code OptOutType}
 * (which also covers the custom keywords configured there), and that wins.
 */
enum Keywords {
  /** An opt-out word: the sender wants nothing more. */
  STOP,
  /** An opt-in word: the sender wants messages again. */
  START,
  /** A request for help. */
  HELP,
  /** Anything else: a reply. */
  NONE;

  /** Twilio's standard opt-out words. */
  static final Set<String> STOP_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

  /** Twilio's standard opt-in words. */
  static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");

  /** Twilio's standard help words. */
  static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

  /**
   * The kind of an inbound message.
   *
   * @param body the message text
   * @param optOutType Twilio's {@code OptOutType} parameter, empty when absent
   */
  static Keywords of(String body, String optOutType) {
    switch (optOutType.trim().toUpperCase(Locale.ROOT)) {
      case "STOP":
        return STOP;
      case "START":
        return START;
      case "HELP":
        return HELP;
      default:
        break;
    }
    String word = body.strip().toUpperCase(Locale.ROOT);
    if (STOP_WORDS.contains(word)) {
      return STOP;
    }
    if (START_WORDS.contains(word)) {
      return START;
    }
    if (HELP_WORDS.contains(word)) {
      return HELP;
    }
    return NONE;
  }
}
