package io.herald.segments.internal.realtime;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one or more condition trees read: the facts a loader must supply and the changes that can
 * alter their result.
 *
 * @param attributes person attribute names compared ({@code timezone} too when a date is read in
 *     the person's zone)
 * @param events event names counted, each with the widest window any leaf uses on it
 * @param eventData the names of {@code events} that a leaf filters on their data (the others' data
 *     is never read)
 * @param objectTypes object types of relationship leaves
 * @param devices whether a device leaf appears
 * @param engagement the widest window of the engagement leaves, {@code null} when there is none
 * @param segments segments whose membership a segment leaf reads
 */
public record Mentions(
    Set<String> attributes,
    Map<String, Window> events,
    Set<String> eventData,
    Set<String> objectTypes,
    boolean devices,
    Window engagement,
    Set<Long> segments) {

  /** Copies the collections. */
  public Mentions {
    attributes = Set.copyOf(attributes);
    events = Map.copyOf(events);
    eventData = Set.copyOf(eventData);
    objectTypes = Set.copyOf(objectTypes);
    segments = Set.copyOf(segments);
  }

  /** Mentions nothing. */
  public static Mentions none() {
    return new Mentions(Set.of(), Map.of(), Set.of(), Set.of(), false, null, Set.of());
  }

  /** What {@code condition} reads. */
  public static Mentions of(Condition condition) {
    Builder b = new Builder();
    b.walk(condition);
    return b.build();
  }

  /** What either reads. */
  public Mentions plus(Mentions other) {
    Builder b = new Builder();
    b.add(this);
    b.add(other);
    return b.build();
  }

  /**
   * The earliest occurrence time that can matter for events (or engagements) read through {@code
   * window} at {@code now}; {@code null} when every occurrence can matter.
   */
  public static Instant earliest(Window window, Instant now) {
    if (window instanceof Window.Last l) {
      return now.minus(length(l));
    }
    if (window instanceof Window.Between b) {
      return b.from();
    }
    return null;
  }

  /** The wider of two windows: one that includes every occurrence either includes. */
  static Window wider(Window a, Window b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (a instanceof Window.Ever || b instanceof Window.Ever) {
      return new Window.Ever();
    }
    if (a instanceof Window.Last la && b instanceof Window.Last lb) {
      return length(la).compareTo(length(lb)) >= 0 ? la : lb;
    }
    if (a instanceof Window.Between ba && b instanceof Window.Between bb) {
      Instant from = ba.from().isBefore(bb.from()) ? ba.from() : bb.from();
      Instant to = ba.to().isAfter(bb.to()) ? ba.to() : bb.to();
      return new Window.Between(from, to);
    }
    // A relative and an absolute window: no single window of either kind holds both for every now.
    return new Window.Ever();
  }

  private static Duration length(Window.Last last) {
    return last.unit().getDuration().multipliedBy(last.amount());
  }

  private static final class Builder {
    private final Set<String> attributes = new HashSet<>();
    private final Map<String, Window> events = new HashMap<>();
    private final Set<String> eventData = new HashSet<>();
    private final Set<String> objectTypes = new HashSet<>();
    private boolean devices;
    private Window engagement;
    private final Set<Long> segments = new HashSet<>();

    void add(Mentions m) {
      attributes.addAll(m.attributes());
      m.events().forEach((name, w) -> events.merge(name, w, Mentions::wider));
      eventData.addAll(m.eventData());
      objectTypes.addAll(m.objectTypes());
      devices |= m.devices();
      engagement = wider(engagement, m.engagement());
      segments.addAll(m.segments());
    }

    void walk(Condition condition) {
      if (condition instanceof All all) {
        all.conditions().forEach(this::walk);
      } else if (condition instanceof Any any) {
        any.conditions().forEach(this::walk);
      } else if (condition instanceof Not not) {
        walk(not.condition());
      } else if (condition instanceof AttributeCondition a) {
        attributes.add(a.attribute());
        zone(a.match());
      } else if (condition instanceof EventCondition e) {
        events.merge(e.name(), e.window(), Mentions::wider);
        if (!e.where().isEmpty()) {
          eventData.add(e.name());
        }
        zones(e.where());
      } else if (condition instanceof EngagementCondition e) {
        engagement = wider(engagement, e.window());
      } else if (condition instanceof RelationshipCondition r) {
        objectTypes.add(r.objectTypeId());
        zones(r.object());
        zones(r.relationship());
      } else if (condition instanceof SegmentCondition s) {
        segments.add(s.segmentId());
      } else if (condition instanceof DeviceCondition) {
        devices = true;
      }
    }

    private void zones(List<PropertyMatch> matches) {
      matches.stream().map(PropertyMatch::match).forEach(this::zone);
    }

    /** A date read in the person's zone reads the person's {@code timezone} attribute. */
    private void zone(Match match) {
      if (match.operator().isDate() && match.zone() == ZoneChoice.PERSON) {
        attributes.add("timezone");
      }
    }

    Mentions build() {
      return new Mentions(
          attributes, events, eventData, objectTypes, devices, engagement, segments);
    }
  }
}
