package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.Window;
import java.io.Serializable;
import java.util.List;

/** An event leaf: performed (or not) an event N times in a window, with filters on its data. */
public final class EventLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name = "";
  private boolean performed = true;
  private final CountModel count = new CountModel();
  private final WindowModel window = new WindowModel();
  private final Filters where = new Filters();

  void read(EventCondition condition) {
    name = condition.name();
    performed = condition.performed();
    count.read(condition.count());
    window.read(condition.window());
    where.read(condition.where());
  }

  EventCondition toCondition(Problems.Scope problems) {
    String event = name.trim();
    if (event.isEmpty()) {
      problems.add("event", "name the event");
    }
    Count c = count.toCount(problems);
    Window w = window.toWindow(problems);
    List<PropertyMatch> filters = where.toFilters(problems, "data");
    if (event.isEmpty() || c == null || w == null || filters == null) {
      return null;
    }
    return new EventCondition(event, performed, c, w, filters);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name;
  }

  /** {@code false}: "did not perform", which negates the whole leaf. */
  public boolean isPerformed() {
    return performed;
  }

  public void setPerformed(boolean performed) {
    this.performed = performed;
  }

  public CountModel getCount() {
    return count;
  }

  public WindowModel getWindow() {
    return window;
  }

  /** Filters on the event's data, all of which must match. */
  public Filters getWhere() {
    return where;
  }
}
