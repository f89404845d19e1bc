package io.herald.messaging.internal.render;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import liqp.filters.Filter;

/**
 * The filters Customer.io adds to standard Liquid, as listed in its Liquid syntax list, that make
 * sense on a server without Customer.io's infrastructure. The README's "Templates" section lists
 * those left out and why.
 */
final class CustomerIoFilters {

  private CustomerIoFilters() {}

  static List<Filter> all(Clock clock) {
    List<Filter> filters = new ArrayList<>();
    filters.addAll(TextFilters.all());
    filters.addAll(DigestFilters.all());
    filters.addAll(NumberFilters.all());
    filters.addAll(CollectionFilters.all());
    filters.addAll(DateFilters.all(clock));
    return List.copyOf(filters);
  }
}
