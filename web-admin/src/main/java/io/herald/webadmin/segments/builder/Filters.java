package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.PropertyMatch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An editable list of property filters (event data, object or relationship attributes). */
public final class Filters implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<FilterModel> items = new ArrayList<>();

  /** Adds an empty filter at the end. */
  public void add() {
    items.add(new FilterModel());
  }

  /** Removes {@code filter} (by identity); false when it is not in this list. */
  public boolean remove(FilterModel filter) {
    return items.removeIf(f -> f == filter);
  }

  /** The filters, for the view to edit. */
  public List<FilterModel> getItems() {
    return items;
  }

  void read(List<PropertyMatch> filters) {
    items.clear();
    filters.stream().map(FilterModel::of).forEach(items::add);
  }

  /** The filters, or {@code null} after reporting what is wrong with any of them. */
  List<PropertyMatch> toFilters(Problems.Scope problems, String field) {
    List<PropertyMatch> out = new ArrayList<>();
    for (FilterModel f : items) {
      out.add(f.toFilter(problems, field));
    }
    return out.stream().allMatch(Objects::nonNull) ? out : null;
  }
}
