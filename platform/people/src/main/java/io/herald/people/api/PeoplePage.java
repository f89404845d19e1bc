package io.herald.people.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of {@link PeopleService#search}, newest person first.
 *
 * @param people the people on this page
 * @param next the {@code after} token of the next page; empty when this is the last page
 */
public record PeoplePage(List<PersonView> people, String next) {

  /** Copies the list. */
  public PeoplePage {
    people = List.copyOf(people);
    Objects.requireNonNull(next, "next");
  }

  /** Whether another page follows. */
  public boolean hasMore() {
    return !next.isEmpty();
  }
}
