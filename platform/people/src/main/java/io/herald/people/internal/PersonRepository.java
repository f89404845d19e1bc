package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds and stores people of a workspace. */
@ApplicationScoped
public class PersonRepository {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  /** The person {@code ref} points at in {@code workspaceId}. */
  Optional<Person> find(long workspaceId, PersonRef ref) {
    String column =
        switch (ref.type()) {
          case ID -> "customerId";
          case EMAIL -> "emailKey";
          case CIO_ID -> "cioId";
        };
    String value = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p." + column + " = :v",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("v", value)
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
}
