package io.herald.webadmin;

import io.herald.pluginhost.api.PluginStatus;
import io.herald.segments.api.SegmentType;
import io.herald.workspace.api.CredentialKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats times, durations and enum values for the views ({@code #{fmt.instant(x)}}). */
@Named("fmt")
@ApplicationScoped
public class DisplayFormat {

  private static final String NONE = "—";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A point in time in UTC, or a dash for {@code null}. */
  public String instant(Instant instant) {
    return instant == null ? NONE : TIME.format(instant);
  }

  /** A short duration such as {@code 30 s}, {@code 5 min} or {@code 2 h}. */
  public String duration(Duration duration) {
    if (duration == null) {
      return NONE;
    }
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return duration.toMillis() + " ms";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }

  /** What an operator calls each credential kind. */
  public String kind(CredentialKind kind) {
    return switch (kind) {
      case TRACK -> "Track API key";
      case APP -> "App API key";
      case PIPELINES -> "Pipelines write key";
    };
  }

  /** A plugin status in lower case ({@code started}, {@code failed}). */
  public String status(PluginStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** What the console calls each segment type: {@code manual} or {@code data}. */
  public String segmentType(SegmentType type) {
    return type == SegmentType.MANUAL ? "manual" : "data";
  }

  /** A change in a count with its sign: {@code +3}, {@code −2} (a minus sign), {@code 0}. */
  public String signed(long n) {
    return n > 0 ? "+" + n : n < 0 ? "\u2212" + -n : "0";
  }

  /** A value, or a dash when it is {@code null} or blank. */
  public String orDash(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }

  /** At most {@code max} characters of a value on one line, with an ellipsis when cut. */
  public String abbreviate(String value, int max) {
    if (value == null) {
      return NONE;
    }
    String line = value.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, Math.max(0, max - 1)) + "\u2026";
  }

  /**
   * An email's HTML as the {@code srcdoc} of a sandboxed iframe, under a Content Security Policy
   * that loads nothing remote ({@link io.herald.webadmin.messaging.SandboxedHtml}).
   */
  public String sandboxed(String html) {
    return io.herald.webadmin.messaging.SandboxedHtml.of(html);
  }
}
