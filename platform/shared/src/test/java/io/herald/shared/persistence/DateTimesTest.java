package io.herald.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimesTest {

  private static String wallClock(String utc) {
    return LocalDateTime.ofInstant(Instant.parse(utc), ZoneId.systemDefault()).toString();
  }

  @Test
  void textIsTheWallClockOfTheJvmZoneWithMillisecondsCutNotRounded() {
    Instant at = Instant.parse("2026-11-29T10:15:30.123999Z");

    String text = DateTimes.text(at);

    assertThat(text).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.123");
    assertThat(text.replace(' ', 'T')).isEqualTo(wallClock("2026-11-29T10:15:30.123Z"));
  }

  @Test
  void textWritesWhatTheFormatterWritesForEveryYear() {
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    Random random = new Random(20261202L);
    for (int i = 0; i < 100_000; i++) {
      // Years -1 to 10000 in the JVM's zone: the digit-by-digit years and both sides of them.
      Instant at =
          Instant.ofEpochSecond(
              random.nextLong(-62_198_000_000L, 253_410_000_000L), random.nextInt(1_000_000_000));
      assertThat(DateTimes.text(at))
          .as(at.toString())
          .isEqualTo(formatter.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())));
    }
    for (String edge :
        new String[] {
          "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59.001Z", "1970-01-01T00:00:00.000999Z", "2024-02-29T12:00:00.5Z"
        }) {
      Instant at = Instant.parse(edge);
      assertThat(DateTimes.text(at))
          .as(edge)
          .isEqualTo(formatter.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())));
    }
  }

  @Test
  void parseReadsWhatTextWritesAndTheDriversOtherSpellings() {
    Instant at = Instant.parse("2026-11-29T10:15:30.120Z");

    assertThat(DateTimes.parse(DateTimes.text(at))).isEqualTo(at);
    assertThat(DateTimes.parse(wallClock("2026-11-29T10:15:30.120Z"))).isEqualTo(at);
    assertThat(DateTimes.parse(wallClock("2026-11-29T10:15:00Z")))
        .isEqualTo(Instant.parse("2026-11-29T10:15:00Z"));
  }

  @Test
  void instantReadsWhatTheDriverAndTheProviderHandOver() {
    Instant at = Instant.parse("2026-11-29T10:15:30.120Z");

    assertThat(DateTimes.instant(LocalDateTime.ofInstant(at, ZoneId.systemDefault())))
        .isEqualTo(at);
    assertThat(DateTimes.instant(java.sql.Timestamp.from(at))).isEqualTo(at);
    assertThat(DateTimes.instant(DateTimes.text(at))).isEqualTo(at);
    assertThat(DateTimes.instant(null)).isNull();
  }

  @Test
  void theEntityConverterRoundTripsMillisecondsAndNull() {
    InstantConverter converter = new InstantConverter();
    Instant at = Instant.parse("2026-11-29T23:59:59.999Z");

    assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(at)))
        .isEqualTo(at);
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }
}
