package io.herald.messaging.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The small self-contained HTML pages of the unsubscribe flow. */
final class UnsubscribePages {

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
        .entity(page)
        .build();
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
