package io.herald.webadmin.messaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email's HTML made safe to show as the {@code srcdoc} of a sandboxed iframe: a Content Security
 * Policy in its head lets nothing load or run but inline styles and {@code data:} images. Remote
 * images stay out on purpose: opening an email in the console must not fetch its tracking pixel (an
 * open) or tell a remote server anything.
 */
public final class SandboxedHtml {

  /** The policy of the email's document. */
  public static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

  private static final String META =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">";
  private static final Pattern HEAD = Pattern.compile("<head\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML = Pattern.compile("<html\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCTYPE =
      Pattern.compile("^\\s*<!DOCTYPE[^>]*>", Pattern.CASE_INSENSITIVE);

  private SandboxedHtml() {}

  /** The HTML with the policy first in its head (an implied head when it has none). */
  public static String of(String html) {
    String source = html == null ? "" : html;
    Matcher head = HEAD.matcher(source);
    if (head.find()) {
      return source.substring(0, head.end()) + META + source.substring(head.end());
    }
    Matcher root = HTML.matcher(source);
    if (root.find()) {
      return source.substring(0, root.end()) + META + source.substring(root.end());
    }
    Matcher doctype = DOCTYPE.matcher(source);
    if (doctype.find()) {
      return source.substring(0, doctype.end()) + META + source.substring(doctype.end());
    }
    return META + source;
  }
}
