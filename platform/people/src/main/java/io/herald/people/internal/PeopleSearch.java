package io.herald.people.internal;

import io.herald.people.api.PeoplePage;
import io.herald.people.api.PeopleQuery;
import io.herald.people.api.PersonView;
import io.herald.people.api.SearchTimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs {@link PeopleSearchSql} statements with keyset paging: a page token is the primary key of
 * the page's last (oldest) person, and the next page starts below it.
 */
@ApplicationScoped
public class PeopleSearch {

  /** How long an attribute search may read rows before the database cancels it. */
  static final int SCAN_TIMEOUT_MILLIS = 10_000;

  @PersistenceContext(unitName = "people")
  EntityManager em;

  PeoplePage search(long workspaceId, PeopleQuery query, String after, int limit) {
    long below = below(after);
    // One row more than the page tells whether another page follows.
    TreeSet<Long> keys = new TreeSet<>(Comparator.reverseOrder());
    for (PeopleSearchSql statement : PeopleSearchSql.of(query, workspaceId, below)) {
      keys.addAll(keys(statement, limit + 1));
    }
    List<Long> page = keys.stream().limit(limit).toList();
    String next = keys.size() > limit ? String.valueOf(page.get(page.size() - 1)) : "";
    return new PeoplePage(people(page), next);
  }

  private List<Long> keys(PeopleSearchSql statement, int max) {
    Query query = em.createNativeQuery(statement.sql()).setMaxResults(max);
    for (int i = 0; i < statement.parameters().size(); i++) {
      query.setParameter(i + 1, statement.parameters().get(i));
    }
    if (statement.scans()) {
      query.setHint("jakarta.persistence.query.timeout", SCAN_TIMEOUT_MILLIS);
    }
    try {
      return ((List<?>) query.getResultList())
          .stream().map(key -> ((Number) key).longValue()).toList();
    } catch (RuntimeException e) {
      if (timedOut(e)) {
        throw new SearchTimeoutException(
            "the attribute search read rows for more than "
                + SCAN_TIMEOUT_MILLIS / 1000
                + " s without filling the page",
            e);
      }
      throw e;
    }
  }

  /** The people with these keys, in the keys' order. */
  private List<PersonView> people(List<Long> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<Long, Person> byKey =
        em
            .createQuery("SELECT p FROM Person p WHERE p.id IN :keys", Person.class)
            .setParameter("keys", keys)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Person::id, Function.identity()));
    List<PersonView> views = new ArrayList<>(keys.size());
    for (Long key : keys) {
      Person person = byKey.get(key);
      if (person != null) { // deleted between the two reads
        views.add(person.view());
      }
    }
    return views;
  }

  /** The keyset bound of the page after {@code token}; everything for the first page. */
  static long below(String token) {
    if (token == null || token.isEmpty()) {
      return Long.MAX_VALUE;
    }
    if (!token.matches("[1-9][0-9]{0,17}")) {
      throw new IllegalArgumentException("after is not a token from a previous page's next");
    }
    return Long.parseLong(token);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTimeoutException
          || t instanceof jakarta.persistence.QueryTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
