package io.herald.messaging.rest;

import io.herald.messaging.internal.SubscriptionPages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The small self-contained HTML pages of the unsubscribe flow. */
final class UnsubscribePages {

  /**
   * Only the page's own inline style, forms that post back to Herald, and no framing (a framed
   * preferences form could be clicked through by another site).
   */
  static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private UnsubscribePages() {}

  static Response html(Status status, String title, String body) {
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
            + " content=\"width=device-width\"><title>"
            + title
            + "</title><style>body{font-family:sans-serif;max-width:32em;margin:4em auto;"
            + "padding:0 1em}button{font-size:1em;padding:.5em 1.5em}</style></head><body><h1>"
            + title
            + "</h1>"
            + body
            + "</body></html>";
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", POLICY)
        .entity(page)
        .build();
  }

  /** The plain confirm page: one button, the RFC 8058 form fields. */
  static Response confirm(String recipient) {
    return html(
        Status.OK,
        "Unsubscribe",
        "<p>Stop emails to <strong>"
            + escape(mask(recipient))
            + "</strong>?</p><form method=\"post\"><input type=\"hidden\""
            + " name=\"List-Unsubscribe\" value=\"One-Click\"><button"
            + " type=\"submit\">Unsubscribe</button></form>");
  }

  /**
   * The subscription-preferences form: a checkbox per topic (checked when the person gets it), one
   * to unsubscribe from everything, and the anti-forgery token. It posts to the page's own URL.
   */
  static Response preferences(SubscriptionPages.Form form) {
    StringBuilder body = new StringBuilder();
    body.append("<p>Choose the emails <strong>")
        .append(escape(mask(form.recipient())))
        .append("</strong> gets.</p><form method=\"post\">")
        .append("<input type=\"hidden\" name=\"token\" value=\"")
        .append(escape(form.token()))
        .append("\"><fieldset><legend>Topics</legend>");
    for (SubscriptionPages.Choice choice : form.choices()) {
      String id = "t-" + escape(choice.identifier());
      body.append("<p><input type=\"checkbox\" name=\"topic\" id=\"")
          .append(id)
          .append("\" value=\"")
          .append(escape(choice.identifier()))
          .append('"')
          .append(choice.subscribed() ? " checked" : "")
          .append("> <label for=\"")
          .append(id)
          .append("\">")
          .append(escape(choice.name()))
          .append("</label>");
      if (!choice.description().isBlank()) {
        body.append("<br><small>").append(escape(choice.description())).append("</small>");
      }
      body.append("</p>");
    }
    body.append("</fieldset><p><input type=\"checkbox\" name=\"unsubscribe_all\" id=\"all\"")
        .append(" value=\"true\"")
        .append(form.unsubscribed() ? " checked" : "")
        .append("> <label for=\"all\">Unsubscribe from all emails</label></p>")
        .append("<button type=\"submit\">Save preferences</button></form>");
    return html(Status.OK, "Email preferences", body.toString());
  }

  static Response saved(boolean unsubscribedFromAll) {
    return html(
        Status.OK,
        "Preferences saved",
        unsubscribedFromAll
            ? "<p>Your preferences are saved. You are unsubscribed from all emails.</p>"
            : "<p>Your preferences are saved.</p>");
  }

  static Response badToken() {
    return html(
        Status.FORBIDDEN,
        "Form not valid",
        "<p>This form was not sent from the preferences page. Open the link in your email"
            + " again.</p>");
  }

  static Response unknown() {
    return html(Status.NOT_FOUND, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
  }

  /** {@code ada@example.com} → {@code a**@example.com}: enough to recognise, not to harvest. */
  static String mask(String address) {
    String bare = address;
    int lt = bare.indexOf('<');
    if (lt >= 0 && bare.indexOf('>', lt) > lt) {
      bare = bare.substring(lt + 1, bare.indexOf('>', lt));
    }
    int at = bare.indexOf('@');
    if (at <= 1) {
      return bare;
    }
    return bare.charAt(0) + "*".repeat(Math.min(at - 1, 6)) + bare.substring(at);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
