package io.herald.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcut agrees with {@code OffsetDateTime.parse}: on the shapes clients send, on values out
 * of range, and on random corruptions of them (fixed seed, 200,000 cases).
 */
class IsoDateTimesTest {

  private static final String DIGITS_AND_MARKS = "0123456789-:T.Z+ tz";

  @Test
  void theShapesClientsSendTakeTheShortcutAndMeanWhatTheJdkReads() {
    for (String text :
        new String[] {
          "2026-11-29T12:00:00.000Z",
          "2026-11-29T12:00:00Z",
          "2026-11-29T12:00:00.1Z",
          "2026-11-29T12:00:00.123456789Z",
          "2026-11-29T23:59:59.999+01:00",
          "2026-03-01T00:30:00-05:30",
          "2024-02-29T00:00:00+18:00",
          "0000-01-01T00:00:00-18:00",
          "9999-12-31T23:59:59.999999999-00:00"
        }) {
      assertThat(IsoDateTimes.quick(text)).as(text).isEqualTo(jdk(text)).isNotNull();
    }
  }

  @Test
  void whatTheShortcutLeavesIsTheJdksToAcceptOrRefuse() {
    for (String text :
        new String[] {
          "2026-11-29t12:00:00z", // lower case: the JDK reads it
          "2026-11-29T12:00Z", // no seconds: the JDK reads it
          "2026-11-29T12:00:00+01:00:30", // offset seconds: the JDK reads it
          "+12026-11-29T12:00:00Z",
          "2026-11-29T12:00:00.Z" // a point without digits: the JDK reads it as .0
        }) {
      assertThat(IsoDateTimes.quick(text)).as(text).isNull();
      assertThat(IsoDateTimes.parse(text)).as(text).isEqualTo(jdk(text));
    }
    for (String text :
        new String[] {
          "2026-02-29T12:00:00Z", // not a leap year
          "2026-11-31T12:00:00Z",
          "2026-11-29T24:00:00Z",
          "2026-11-29T12:60:00Z",
          "2026-11-29T12:00:60Z",
          "2026-11-29T12:00:00+18:01",
          "2026-11-29T12:00:00+01:60",
          "2026-11-29T12:00:00.1234567891Z",
          "2026-11-29T12:00:00",
          "2026-11-29 12:00:00Z",
          "yesterday"
        }) {
      assertThat(IsoDateTimes.quick(text)).as(text).isNull();
      assertThatThrownBy(() -> IsoDateTimes.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void randomValuesAndCorruptionsOfThemAgreeWithTheJdk() {
    Random random = new Random(20261202L);
    DateTimeFormatter[] formats = {
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SXXX"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx")
    };
    int quick = 0;
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
      at = at.plusNanos(random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(60 * random.nextInt(-18 * 60, 18 * 60 + 1));
      String text = OffsetDateTime.ofInstant(at, offset).format(formats[random.nextInt(5)]);
      if (random.nextBoolean()) {
        char[] chars = text.toCharArray();
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
          chars[random.nextInt(chars.length)] =
              DIGITS_AND_MARKS.charAt(random.nextInt(DIGITS_AND_MARKS.length()));
        }
        text = new String(chars);
      }
      Instant expected = jdk(text);
      Instant shortcut = IsoDateTimes.quick(text);
      if (shortcut != null) {
        quick++;
        assertThat(shortcut).as(text).isEqualTo(expected);
      } else if (expected != null) {
        assertThat(IsoDateTimes.parse(text)).as(text).isEqualTo(expected);
      } else {
        String refused = text;
        assertThatThrownBy(() -> IsoDateTimes.parse(refused))
            .as(text)
            .isInstanceOf(DateTimeParseException.class);
      }
    }
    assertThat(quick).as("cases the shortcut read").isGreaterThan(100_000);
  }

  /** What the JDK reads, {@code null} when it refuses the text. */
  private static Instant jdk(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
