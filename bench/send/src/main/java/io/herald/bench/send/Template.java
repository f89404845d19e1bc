package io.herald.bench.send;

/**
 * The benchmark's email: about 10 KB of HTML with five merge fields (two of the person's
 * attributes, three of the send's data), as Liquid for Herald and rendered by plain string
 * replacement for the baseline loop.
 */
final class Template {

  static final String SUBJECT = "Your order {{trigger.order_id}}, {{customer.first_name}}";

  static final String BODY = body(false);

  /**
   * The plain-text part Herald derives from {@link #BODY} (a message without its own text body gets
   * the HTML's text: one paragraph per block, blank lines between), so the baseline loop sends the
   * same MIME parts as Herald.
   */
  static final String TEXT = body(true);

  private Template() {}

  private static final String HEADING = "Hello {{customer.first_name}}";
  private static final String FIRST =
      "Your {{customer.plan}} plan order {{trigger.order_id}} of {{trigger.amount}} ships to"
          + " {{trigger.city}}.";

  /** The HTML (about 10 KB) or its text: the same heading and paragraphs. */
  private static String body(boolean text) {
    StringBuilder html =
        new StringBuilder("<html><body><h1>" + HEADING + "</h1><p>" + FIRST + "</p>");
    StringBuilder plain = new StringBuilder(HEADING + "\n\n" + FIRST);
    for (int i = 0; html.length() < 10_000; i++) {
      String paragraph =
          "Paragraph "
              + i
              + ": Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
              + " incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.";
      html.append("<p>").append(paragraph).append("</p>");
      plain.append("\n\n").append(paragraph);
    }
    return text ? plain.toString() : html.append("</body></html>").toString();
  }

  /** The person and send data of message {@code n}. */
  static String firstName(int n) {
    return "Ann" + n;
  }

  static String plan(int n) {
    return n % 3 == 0 ? "pro" : "basic";
  }

  static String orderId(int n) {
    return "A-" + n;
  }

  static String amount(int n) {
    return (n % 500) + ".99";
  }

  static String city(int n) {
    return n % 2 == 0 ? "Lisbon" : "Oslo";
  }

  /** {@code text} with message {@code n}'s values in place of the merge fields. */
  static String render(String text, int n) {
    return text.replace("{{customer.first_name}}", firstName(n))
        .replace("{{customer.plan}}", plan(n))
        .replace("{{trigger.order_id}}", orderId(n))
        .replace("{{trigger.amount}}", amount(n))
        .replace("{{trigger.city}}", city(n));
  }

  /** {@code message_data} of message {@code n}, as JSON. */
  static String messageData(int n) {
    return "{\"order_id\":\""
        + orderId(n)
        + "\",\"amount\":\""
        + amount(n)
        + "\",\"city\":\""
        + city(n)
        + "\"}";
  }

  /** The recipient of message {@code n} (people are reused round robin). */
  static int person(int n, int people) {
    return n % people;
  }
}
