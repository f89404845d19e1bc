package io.herald.objects.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items, in a stable order
 * @param next the {@code start} token of the next page; empty when this is the last page
 */
public record Page<T>(List<T> items, String next) {

  /** Copies the list. */
  public Page {
    items = List.copyOf(items);
  }
}
