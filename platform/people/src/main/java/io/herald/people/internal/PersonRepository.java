package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Finds and stores people of a workspace. */
@ApplicationScoped
public class PersonRepository {

  /** Values per IN list of a bulk lookup. */
  private static final int LOOKUP_CHUNK = 500;

  @PersistenceContext(unitName = "people")
  EntityManager em;

  /** The person {@code ref} points at in {@code workspaceId}. */
  Optional<Person> find(long workspaceId, PersonRef ref) {
    String column = column(ref.type());
    String value = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p." + column + " = :v",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("v", value)
        .getResultStream()
        .findFirst();
  }

  /**
   * The identifiers of the people whose {@code type} identifier is one of {@code keys} (emails
   * lower-cased), as {@code [cio_id, id, email, email_key]} rows; attributes are not loaded.
   */
  List<Object[]> identifiers(long workspaceId, IdType type, Collection<String> keys) {
    String column = column(type);
    List<Object[]> rows = new ArrayList<>();
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
      rows.addAll(
          em.createQuery(
                  "SELECT p.cioId, p.customerId, p.email, p.emailKey, p.phone FROM Person p"
                      + " WHERE p.workspaceId = :ws AND p."
                      + column
                      + " IN :keys",
                  Object[].class)
              .setParameter("ws", workspaceId)
              .setParameter("keys", chunk)
              .getResultList());
    }
    return rows;
  }

  /** Up to {@code limit} people of the workspace whose cio_id sorts after {@code after}. */
  List<Person> scan(long workspaceId, String after, int limit) {
    // Keyset paging on the unique (workspace_id, cio_id) key: every page is one index range scan.
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p.cioId > :after"
                + " ORDER BY p.cioId",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The cio_id of the person with this row id. */
  Optional<String> cioIdOf(long personId) {
    return em.createQuery("SELECT p.cioId FROM Person p WHERE p.id = :id", String.class)
        .setParameter("id", personId)
        .getResultStream()
        .findFirst();
  }

  void add(Person person) {
    em.persist(person);
  }

  void record(Merge merge) {
    em.persist(merge);
  }

  void remove(Person person) {
    em.remove(person);
  }

  void flush() {
    em.flush();
  }

  private static String column(IdType type) {
    return switch (type) {
      case ID -> "customerId";
      case EMAIL -> "emailKey";
      case CIO_ID -> "cioId";
      case PHONE -> "phone";
    };
  }
}
