package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one group of identify calls reads once and writes once, in its transaction: the people the
 * calls' path identifiers name (one query per identifier type, instead of one per call), the
 * suppressed identifiers among those the calls name that their people do not hold already (identify
 * never suppresses, so this cannot change within the group), and the change-feed rows, inserted
 * together at the end in call order.
 *
 * <p>A prefetched person is used only while it still carries the identifier it was found by (an
 * earlier call of the group may have changed it); a path identifier nobody had is looked up again,
 * since an earlier call may have given it to someone.
 */
final class IdentifyGroup {

  private final PersonRepository people;
  private final Set<String> suppressed;
  private final Map<String, Person> prefetched;
  private final List<ChangeLog.Entry> changes = new ArrayList<>();

  private IdentifyGroup(
      PersonRepository people, Set<String> suppressed, Map<String, Person> found) {
    this.people = people;
    this.suppressed = suppressed;
    this.prefetched = found;
  }

  /**
   * Reads the people {@code requests}' paths name, then the suppressions among the other
   * identifiers they name: a few statements in all, and none for suppressions when every call names
   * only identifiers their people hold already. A stored person's identifier is never suppressed:
   * suppressing deletes whoever holds the identifier, and nobody acquires a suppressed one
   * afterwards, since every identify asks first (as this group does).
   */
  static IdentifyGroup prepare(
      List<IdentifyRequest> requests, SuppressionRepository suppressions, PersonRepository people) {
    Map<Long, Map<IdType, Set<String>>> paths = new LinkedHashMap<>();
    for (IdentifyRequest r : requests) {
      paths
          .computeIfAbsent(r.workspaceId(), w -> new HashMap<>())
          .computeIfAbsent(r.ref().type(), t -> new LinkedHashSet<>())
          .add(key(r.ref().type(), r.ref().value()));
    }
    Map<String, Person> found = new HashMap<>();
    paths.forEach(
        (workspace, byType) ->
            byType.forEach(
                (type, keys) -> {
                  for (Person p : people.findAll(workspace, type, keys)) {
                    found.put(key(workspace, type, identifier(p, type)), p);
                  }
                }));
    Map<Long, Set<PersonRef>> unheld = new LinkedHashMap<>();
    for (IdentifyRequest r : requests) {
      Person holder = found.get(key(r.workspaceId(), r.ref().type(), r.ref().value()));
      for (PersonRef named : identifiers(r.ref(), r.changes())) {
        if (holder == null
            || !Objects.equals(
                identifier(holder, named.type()), key(named.type(), named.value()))) {
          unheld.computeIfAbsent(r.workspaceId(), w -> new LinkedHashSet<>()).add(named);
        }
      }
    }
    Set<String> suppressed = new HashSet<>();
    unheld.forEach(
        (workspace, refs) ->
            suppressions
                .suppressedAmong(workspace, List.copyOf(refs))
                .forEach(ref -> suppressed.add(key(workspace, ref.type(), ref.value()))));
    return new IdentifyGroup(people, suppressed, found);
  }

  /** The identifiers an identify call names: its path, and the body's id and email. */
  static List<PersonRef> identifiers(PersonRef ref, AttributeChanges changes) {
    List<PersonRef> named = new ArrayList<>(3);
    named.add(ref);
    changes.id().flatMap(v -> v).ifPresent(i -> named.add(new PersonRef(IdType.ID, i)));
    changes.email().flatMap(v -> v).ifPresent(e -> named.add(new PersonRef(IdType.EMAIL, e)));
    return named;
  }

  boolean anySuppressed(long workspaceId, List<PersonRef> refs) {
    return refs.stream().anyMatch(r -> suppressed.contains(key(workspaceId, r.type(), r.value())));
  }

  /** The person {@code ref} names now, in this transaction. */
  Optional<Person> find(long workspaceId, PersonRef ref) {
    Person known = prefetched.get(key(workspaceId, ref.type(), ref.value()));
    if (known != null
        && Objects.equals(identifier(known, ref.type()), key(ref.type(), ref.value()))) {
      return Optional.of(known);
    }
    return people.find(workspaceId, ref);
  }

  /** Queues a change-feed row; {@link #changes} lists them in the order they were queued. */
  void change(long workspaceId, String cioId, String kind, Instant at, JsonObject data) {
    changes.add(new ChangeLog.Entry(workspaceId, cioId, kind, at, data));
  }

  List<ChangeLog.Entry> changes() {
    return changes;
  }

  private static String identifier(Person person, IdType type) {
    return switch (type) {
      case ID -> person.customerId();
      case EMAIL -> Person.emailKey(person.email());
      case CIO_ID -> person.cioId();
      case PHONE -> person.phone();
    };
  }

  private static String key(IdType type, String value) {
    return type == IdType.EMAIL ? Person.emailKey(value) : value;
  }

  private static String key(long workspaceId, IdType type, String value) {
    return workspaceId + "|" + type + "|" + key(type, value);
  }
}
