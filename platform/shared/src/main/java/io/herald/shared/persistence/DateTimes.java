package io.herald.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Binds instants to {@code DATETIME(3)} columns as text, so the milliseconds reach the server.
 *
 * <p>Why text and not {@code setTimestamp}: Connector/J reads MariaDB 10.x's version string ({@code
 * 5.5.5-10.11…}) as MySQL 5.5, which had no fractional seconds, and drops the fraction of every
 * {@code Timestamp}, {@code LocalDateTime}, {@code Instant} and {@code OffsetDateTime} parameter.
 * No connection property changes that ({@code sendFractionalSeconds} is on by default and is
 * checked together with the server version). A string parameter is sent as it is, and the server
 * converts it.
 *
 * <p>The wall-clock time is that of the JVM's zone, the zone in which Connector/J binds and reads
 * {@code java.sql.Timestamp} values by default, so rows written here and rows written or read as
 * {@code Timestamp} agree (the app runs with {@code -Duser.timezone=UTC}). The text holds
 * milliseconds, cut (not rounded) below: the columns are {@code DATETIME(3)}.
 */
public final class DateTimes {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private DateTimes() {}

  /**
   * {@code instant} as a DATETIME literal, e.g. {@code 2026-11-29 10:00:00.123}, JVM zone. Years 0
   * to 9999 (every {@code DATETIME}) are written digit by digit: the formatter's temporal queries
   * allocated a tenth of what a Pipelines batch allocates (two times per event); other years go
   * through it.
   */
  public static String text(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    int year = local.getYear();
    if (year < 0 || year > 9999) {
      return DATETIME.format(local);
    }
    byte[] text = new byte[23];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, local.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, local.getDayOfMonth(), 2);
    text[10] = ' ';
    digits(text, 11, local.getHour(), 2);
    text[13] = ':';
    digits(text, 14, local.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, local.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, local.getNano() / 1_000_000, 3);
    return new String(text, StandardCharsets.US_ASCII);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code from}. */
  private static void digits(byte[] text, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * A DATETIME value as text ({@code 2026-11-29 10:00:00.123}, {@code 2026-11-29T10:00}, any
   * fraction up to nanoseconds) read in the JVM's zone.
   */
  public static Instant parse(String text) {
    return LocalDateTime.parse(text.trim().replace(' ', 'T'))
        .atZone(ZoneId.systemDefault())
        .toInstant();
  }

  /**
   * A DATETIME value as a driver or JPA provider hands it over: a {@code LocalDateTime} (what
   * Connector/J's {@code getObject} returns) or a {@code java.sql.Timestamp}, both in the JVM's
   * zone, or text as {@link #parse} reads it; null for null.
   */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(ZoneId.systemDefault()).toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof String text) {
      return parse(text);
    }
    throw new IllegalArgumentException("not a DATETIME value: " + value.getClass().getName());
  }

  /** Sets parameter {@code index} to {@code instant} (SQL NULL for null) for a DATETIME column. */
  public static void bind(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setString(index, text(instant));
    }
  }
}
