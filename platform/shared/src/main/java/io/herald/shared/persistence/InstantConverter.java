package io.herald.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores {@link Instant} in a DATETIME column as {@link DateTimes} text. EclipseLink 4.0 (JPA 3.1)
 * would otherwise serialise it as a blob (STACK-NOTES pitfall 1), and a {@code Timestamp} would
 * lose its milliseconds on MariaDB 10.x (see {@link DateTimes}). The text is in the JVM's zone (UTC
 * in the app), as the driver reads DATETIME values, so values round-trip.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, String> {

  @Override
  public String convertToDatabaseColumn(Instant value) {
    return value == null ? null : DateTimes.text(value);
  }

  @Override
  public Instant convertToEntityAttribute(String value) {
    return value == null ? null : DateTimes.parse(value);
  }
}
