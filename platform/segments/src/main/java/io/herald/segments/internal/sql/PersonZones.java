package io.herald.segments.internal.sql;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The valid time zones among the values of people's {@code timezone} attribute, by the attribute's
 * text: what a date comparison in the person's zone ({@link
 * io.herald.segments.api.condition.ZoneChoice#PERSON}) needs to turn calendar days into instants
 * without the database's time zone tables (which MariaDB and MySQL servers often lack).
 *
 * @param byName each valid name and its zone, in name order
 */
record PersonZones(Map<String, ZoneId> byName) {

  /**
   * SQL for the text of the {@code timezone} attribute of person {@code p}: NULL unless it is a
   * JSON string (a number such as {@code -5} is not a zone, though its text is a valid offset).
   */
  static final String TEXT_SQL =
      "(CASE WHEN JSON_TYPE(JSON_EXTRACT(p.attributes, '$.\"timezone\"')) = 'STRING'"
          + " THEN JSON_UNQUOTE(JSON_EXTRACT(p.attributes, '$.\"timezone\"')) END)";

  /** The names {@link #parse} accepts (the JDK copies the set on every call: read it once). */
  private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());

  /** No person has a valid zone: everyone uses the workspace's. */
  static final PersonZones NONE = new PersonZones(Map.of());

  /** Copies the map. */
  PersonZones {
    byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
  }

  /** The valid zones among {@code names} (invalid ones fall back to the workspace's zone). */
  static PersonZones of(Collection<String> names) {
    Map<String, ZoneId> zones = new TreeMap<>();
    for (String name : names) {
      parse(name).ifPresent(zone -> zones.put(name, zone));
    }
    return new PersonZones(zones);
  }

  /**
   * The zone a {@code timezone} attribute's text names exactly (case sensitive, no surrounding
   * spaces): one of {@link ZoneId#getAvailableZoneIds()}, the IANA names such as {@code
   * Europe/Paris}; empty for anything else (offsets such as {@code +02:00} included), which reads
   * in the workspace's zone.
   */
  static Optional<ZoneId> parse(String name) {
    return KNOWN.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
  }
}
