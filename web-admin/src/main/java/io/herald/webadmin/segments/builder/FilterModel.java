package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.PropertyMatch;
import java.io.Serializable;

/** A filter on one property of an event's data, an object or a relationship. */
public final class FilterModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private String property = "";
  private final MatchModel match = new MatchModel();

  static FilterModel of(PropertyMatch filter) {
    FilterModel model = new FilterModel();
    model.property = filter.property();
    model.match.read(filter.match());
    return model;
  }

  /** The filter, or {@code null} after reporting what is wrong; {@code field} names the list. */
  PropertyMatch toFilter(Problems.Scope problems, String field) {
    String name = property.trim();
    if (name.isEmpty()) {
      problems.add(field + " property", "name the property");
    }
    Match m = match.toMatch(problems, field + " " + (name.isEmpty() ? "value" : name));
    return name.isEmpty() || m == null ? null : new PropertyMatch(name, m);
  }

  public String getProperty() {
    return property;
  }

  public void setProperty(String property) {
    this.property = property == null ? "" : property;
  }

  public MatchModel getMatch() {
    return match;
  }
}
