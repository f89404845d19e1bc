package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import java.sql.Connection;
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
 * never suppresses, so this cannot change within the group), the people's rows, and the change-feed
 * rows, inserted together at the end in call order.
 *
 * <p>A prefetched person is used only while it still carries the identifier it was found by (an
 * earlier call of the group may have changed it); a path identifier nobody had is looked up again,
 * since an earlier call may have given it to someone.
 *
 * <p>People are read and written with plain JDBC ({@link PersonTable}), and the group is their unit
 * of work: one object per person however often it is read ({@code people}, by cio_id), the version
 * and columns each had when read or last written ({@code stored}), new people until inserted. Every
 * lookup first writes what the calls before it changed, so it sees their identifiers, as a JPA
 * query would after its automatic flush; {@link #flush} writes the rest. A call that gives a person
 * an identifier looks that identifier up first (the conflict check), so one flush never holds two
 * pending changes to the same identifier.
 */
final class IdentifyGroup {

  private final PersonTable table;
  private final Connection connection;
  private final Set<String> suppressed = new HashSet<>();
  private final Map<String, Person> prefetched = new HashMap<>();
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Map<String, Written> stored = new HashMap<>();

  /** A person's columns as its row has them, and the row's version. */
  private record Written(Person.Columns columns, long version) {}

  private final List<ChangeLog.Entry> changes = new ArrayList<>();

  private IdentifyGroup(PersonTable table, Connection connection) {
    this.table = table;
    this.connection = connection;
  }

  /**
   * Reads the people {@code requests}' paths name, then the suppressions among the other
   * identifiers they name: a few statements in all, and none for suppressions when every call names
   * only identifiers their people hold already. A stored person's identifier is never suppressed:
   * suppressing deletes whoever holds the identifier, and nobody acquires a suppressed one
   * afterwards, since every identify asks first (as this group does).
   *
   * @param connection the transaction's connection, which the group uses until its {@link #flush}
   */
  static IdentifyGroup prepare(
      List<IdentifyRequest> requests,
      SuppressionRepository suppressions,
      PersonTable table,
      Connection connection) {
    IdentifyGroup group = new IdentifyGroup(table, connection);
    Map<Long, Map<IdType, Set<String>>> paths = new LinkedHashMap<>();
    for (IdentifyRequest r : requests) {
      paths
          .computeIfAbsent(r.workspaceId(), w -> new HashMap<>())
          .computeIfAbsent(r.ref().type(), t -> new LinkedHashSet<>())
          .add(key(r.ref().type(), r.ref().value()));
    }
    paths.forEach(
        (workspace, byType) ->
            byType.forEach(
                (type, keys) -> {
                  for (PersonTable.Row row : table.findAll(connection, workspace, type, keys)) {
                    Person p = group.known(row);
                    group.prefetched.put(key(workspace, type, identifier(p, type)), p);
                  }
                }));
    Map<Long, Set<PersonRef>> unheld = new LinkedHashMap<>();
    for (IdentifyRequest r : requests) {
      Person holder = group.prefetched.get(key(r.workspaceId(), r.ref().type(), r.ref().value()));
      for (PersonRef named : identifiers(r.ref(), r.changes())) {
        if (holder == null
            || !Objects.equals(
                identifier(holder, named.type()), key(named.type(), named.value()))) {
          unheld.computeIfAbsent(r.workspaceId(), w -> new LinkedHashSet<>()).add(named);
        }
      }
    }
    unheld.forEach(
        (workspace, refs) ->
            suppressions
                .suppressedAmong(workspace, List.copyOf(refs))
                .forEach(ref -> group.suppressed.add(key(workspace, ref.type(), ref.value()))));
    return group;
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
    return lookup(workspaceId, ref);
  }

  /** The person {@code ref} names now, read after writing what the group changed so far. */
  Optional<Person> lookup(long workspaceId, PersonRef ref) {
    flush();
    return table.find(connection, workspaceId, ref).stream().map(this::known).findFirst();
  }

  /** A person the group created; inserted by the next {@link #flush}. */
  void created(Person person) {
    people.put(key(person), person);
  }

  /**
   * Inserts the people created and updates those changed since the last flush, in a few statements
   * ({@link PersonTable#insertAll}, {@link PersonTable#updateAll}).
   */
  void flush() {
    List<Person.Columns> inserts = new ArrayList<>();
    List<PersonTable.Update> updates = new ArrayList<>();
    people.forEach(
        (key, person) -> {
          Person.Columns now = person.columns();
          Written before = stored.get(key);
          if (before == null) {
            inserts.add(now);
            stored.put(key, new Written(now, 0));
          } else if (!before.columns().equals(now)) {
            if (person.id() == null) {
              // A call gets a person the group created only from a lookup, which reads its id.
              throw new IllegalStateException("person " + person.cioId() + " has no row id yet");
            }
            updates.add(
                new PersonTable.Update(person.id(), before.columns(), now, before.version()));
            stored.put(key, new Written(now, before.version() + 1));
          }
        });
    table.insertAll(connection, inserts);
    table.updateAll(connection, updates);
  }

  /** The group's one object for the person of {@code row}: the row's, unless it had one. */
  private Person known(PersonTable.Row row) {
    String key = key(row.person());
    Person known = people.get(key);
    if (known != null) {
      // Flushed before this read: the row is what the object holds, and gives a person the group
      // created its row id.
      if (known.id() == null) {
        known.identified(row.person().id());
      }
      return known;
    }
    people.put(key, row.person());
    stored.put(key, new Written(row.person().columns(), row.version()));
    return row.person();
  }

  /** Queues a change-feed row; {@link #changes} lists them in the order they were queued. */
  void change(long workspaceId, String cioId, String kind, Instant at, JsonObject data) {
    changes.add(new ChangeLog.Entry(workspaceId, cioId, kind, at, data.toString()));
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

  private static String key(Person person) {
    return person.workspaceId() + "|" + person.cioId();
  }

  private static String key(long workspaceId, IdType type, String value) {
    return workspaceId + "|" + type + "|" + key(type, value);
  }
}
