package io.herald.messaging.internal.render;

import static io.herald.messaging.internal.render.FunctionFilter.arg;
import static io.herald.messaging.internal.render.Values.number;
import static io.herald.messaging.internal.render.Values.text;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.filters.Filter;
import ua.co.k.strftime.StrftimeFormatter;

/**
 * Dates as Customer.io handles them: inputs are Unix timestamps in seconds (numbers or numeric
 * strings), {@link Instant}s and other {@code java.time} values, ISO-8601 strings, or {@code 'now'}
 * and {@code 'today'} (from the injected clock). Unix timestamps and instants are shown in UTC
 * unless {@code date} gets a time zone as its second argument.
 */
final class DateFilters {

  private static final Pattern DETAILED_ZONE =
      Pattern.compile("^\\(GMT([+-]\\d{1,2}):?(\\d{2})\\).*");
  private static final Pattern EPOCH = Pattern.compile("^-?\\d+$");
  private static final DateTimeFormatter ZONE_ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter RFC822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private DateFilters() {}

  static List<Filter> all(Clock clock) {
    return List.of(
        new FunctionFilter("date", 0, 2, (v, p) -> format(clock, v, p)),
        shift(clock, "add_day", ChronoUnit.DAYS, 1),
        shift(clock, "add_month", ChronoUnit.MONTHS, 1),
        shift(clock, "add_year", ChronoUnit.YEARS, 1),
        shift(clock, "subtract_day", ChronoUnit.DAYS, -1),
        shift(clock, "subtract_month", ChronoUnit.MONTHS, -1),
        shift(clock, "subtract_year", ChronoUnit.YEARS, -1),
        new FunctionFilter(
            "timezone",
            1,
            1,
            (v, p) -> {
              ZonedDateTime time = toZoned(clock, v);
              return time == null ? v : time.withZoneSameInstant(zone("timezone", p[0]));
            }),
        new FunctionFilter(
            "date_to_xmlschema",
            0,
            0,
            (v, p) -> {
              ZonedDateTime time = toZoned(clock, v);
              return time == null ? v : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
            }),
        new FunctionFilter(
            "date_to_rfc822",
            0,
            0,
            (v, p) -> {
              ZonedDateTime time = toZoned(clock, v);
              return time == null ? v : RFC822.format(time);
            }));
  }

  private static Object format(Clock clock, Object value, Object[] params) {
    ZonedDateTime time = toZoned(clock, value);
    if (time == null) {
      return value;
    }
    if (params.length > 1 && params[1] != null) {
      time = time.withZoneSameInstant(zone("date", params[1]));
    }
    String pattern = text(arg(params, 0, ""));
    if (pattern.isBlank()) {
      return value;
    }
    if (pattern.contains("%Z")) {
      // Ruby and LiquidJS print the abbreviation (EST); strftime4j prints the full name.
      pattern = pattern.replace("%Z", ZONE_ABBREVIATION.format(time));
    }
    return StrftimeFormatter.ofSafePattern(pattern, Locale.ENGLISH).format(time);
  }

  private static Filter shift(Clock clock, String name, ChronoUnit unit, int sign) {
    return new FunctionFilter(
        name,
        0,
        1,
        (value, params) -> {
          long amount = sign * number(name, arg(params, 0, 1)).longValue();
          ZonedDateTime time = toZoned(clock, value);
          if (time == null) {
            throw RenderFailure.filter(name, "'" + text(value) + "' is not a date");
          }
          ZonedDateTime shifted = time.plus(amount, unit);
          if (value instanceof Number || EPOCH.matcher(text(value).strip()).matches()) {
            return shifted.toEpochSecond();
          }
          if (value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
            return shifted;
          }
          return shifted.toInstant();
        });
  }

  /** The value as a date-time, or null when it is not one. */
  static ZonedDateTime toZoned(Clock clock, Object value) {
    if (value instanceof ZonedDateTime zoned) {
      return zoned;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toZonedDateTime();
    }
    if (value instanceof Instant instant) {
      return instant.atZone(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(ZoneOffset.UTC);
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(ZoneOffset.UTC);
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC);
    }
    if (value instanceof Number number) {
      return Instant.ofEpochSecond(number.longValue()).atZone(ZoneOffset.UTC);
    }
    String text = text(value).strip();
    if (text.equals("now") || text.equals("today")) {
      return clock.instant().atZone(ZoneOffset.UTC);
    }
    if (EPOCH.matcher(text).matches()) {
      return Instant.ofEpochSecond(Long.parseLong(text)).atZone(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(text).toZonedDateTime();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }

  /**
   * An IANA zone ({@code America/New_York}), an offset ({@code +05:30}) or Customer.io's detailed
   * format ({@code (GMT-11:00) Hawaii}). Bare numbers are refused: Customer.io's docs give opposite
   * signs for minute offsets in different places, and guessing would shift times silently.
   */
  static ZoneId zone(String filter, Object value) {
    String text = text(value).strip();
    Matcher detailed = DETAILED_ZONE.matcher(text);
    try {
      if (detailed.matches()) {
        return ZoneOffset.of(
            String.format(
                Locale.ROOT,
                "%s%02d:%s",
                detailed.group(1).charAt(0),
                Math.abs(Integer.parseInt(detailed.group(1))),
                detailed.group(2)));
      }
      if (EPOCH.matcher(text).matches()) {
        throw RenderFailure.filter(
            filter, "numeric time zone offsets are not supported; use a name like America/Chicago");
      }
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw RenderFailure.filter(filter, "unknown time zone '" + text + "'");
    }
  }
}
