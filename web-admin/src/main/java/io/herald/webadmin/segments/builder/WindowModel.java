package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Window;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When counted events or engagements must have happened: ever, in the last N units, or between. */
public final class WindowModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The three kinds of window. */
  public enum Kind {
    /** Any time. */
    EVER,
    /** In the last N minutes, hours or days. */
    LAST,
    /** Between two instants. */
    BETWEEN
  }

  private Kind kind = Kind.EVER;
  private String amount = "30";
  private ChronoUnit unit = ChronoUnit.DAYS;
  private String from = "";
  private String to = "";

  void read(Window window) {
    if (window instanceof Window.Last last) {
      kind = Kind.LAST;
      amount = Long.toString(last.amount());
      unit = last.unit();
    } else if (window instanceof Window.Between between) {
      kind = Kind.BETWEEN;
      from = between.from().toString();
      to = between.to().toString();
    } else {
      kind = Kind.EVER;
    }
  }

  /** The window, or {@code null} after reporting what is wrong. */
  Window toWindow(Problems.Scope problems) {
    return switch (kind) {
      case EVER -> new Window.Ever();
      case LAST -> last(problems);
      case BETWEEN -> between(problems);
    };
  }

  private Window last(Problems.Scope problems) {
    try {
      return new Window.Last(OperandText.wholeNumber(amount, 1), unit);
    } catch (IllegalArgumentException e) {
      problems.add("window", e.getMessage());
      return null;
    }
  }

  private Window between(Problems.Scope problems) {
    Instant start = bound(problems, "window from", from);
    Instant end = bound(problems, "window to", to);
    if (start == null || end == null) {
      return null;
    }
    if (!start.isBefore(end)) {
      problems.add("window", "from must be before to");
      return null;
    }
    return new Window.Between(start, end);
  }

  private static Instant bound(Problems.Scope problems, String field, String text) {
    try {
      return OperandText.instant(text);
    } catch (IllegalArgumentException e) {
      problems.add(field, e.getMessage());
      return null;
    }
  }

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind == null ? Kind.EVER : kind;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount == null ? "" : amount;
  }

  public ChronoUnit getUnit() {
    return unit;
  }

  /** Minutes, hours or days; anything else is refused by the condition model on conversion. */
  public void setUnit(ChronoUnit unit) {
    this.unit = unit == null ? ChronoUnit.DAYS : unit;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from == null ? "" : from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to == null ? "" : to;
  }
}
