package io.herald.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores {@link Instant} in a DATETIME column as {@link DateTimes} text. EclipseLink 4.0 (JPA 3.1)
 * would otherwise serialise it as a blob (STACK-NOTES pitfall 1), and a {@code Timestamp} would
 * lose its milliseconds on MariaDB 10.x (see {@link DateTimes}). The text is in the JVM's zone (UTC
 * in the app), as the driver reads DATETIME values, so values round-trip.
 *
 * <p>The column side is {@code Object}, not {@code String}: EclipseLink hands the converter what
 * the driver's {@code getObject} returns (a {@code LocalDateTime}) without converting it to the
 * declared type, and binds the text written here as a string.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

  @Override
  public Object convertToDatabaseColumn(Instant value) {
    return value == null ? null : DateTimes.text(value);
  }

  @Override
  public Instant convertToEntityAttribute(Object value) {
    return DateTimes.instant(value);
  }
}
