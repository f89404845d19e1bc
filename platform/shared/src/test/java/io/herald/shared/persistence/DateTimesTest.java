package io.herald.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
