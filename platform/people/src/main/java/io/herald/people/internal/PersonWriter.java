package io.herald.people.internal;

import io.herald.people.api.AnonymousIdLinked;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.IdentifyResult.Outcome;
import io.herald.people.api.MergeResult;
import io.herald.people.api.PeopleMerged;
import io.herald.people.api.PersonDeleted;
import io.herald.people.api.PersonRef;
import io.herald.shared.crypto.Tokens;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Identify: resolve the person from the path identifier and the body's identifiers (Customer.io's
 * rules), then create or update; one call per transaction, or a group of calls in one.
 */
@ApplicationScoped
public class PersonWriter {

  @Inject PersonRepository people;

  @Inject PersonTable table;

  @Inject SuppressionRepository suppressions;

  @Inject DeviceRepository devices;

  @Inject Event<PeopleMerged> merged;

  @Inject AnonymousIdRepository anonymousIds;

  @Inject ChangeLog changeLog;

  @Inject Event<AnonymousIdLinked> anonymousLinked;

  @Inject Event<PersonDeleted> deleted;

  @Inject Clock clock;

  /**
   * Resolves and writes several identifies in one transaction, one after the other in the order
   * given (each sees what the ones before it wrote), and commits them together: the group commit of
   * {@code DefaultPeopleService}. Any failure rolls all of them back.
   *
   * @return one result per request, in order
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<IdentifyResult> identifyAll(List<IdentifyRequest> requests) {
    try (Connection connection = table.connection()) {
      IdentifyGroup group = IdentifyGroup.prepare(requests, suppressions, table, connection);
      List<IdentifyResult> results = new ArrayList<>(requests.size());
      for (IdentifyRequest request : requests) {
        results.add(write(group, request.workspaceId(), request.ref(), request.changes()));
      }
      group.flush();
      changeLog.recordAll(connection, table.budget(connection), group.changes());
      return results;
    } catch (SQLException e) {
      throw new IllegalStateException("people connection not released: " + e.getMessage(), e);
    }
  }

  /** One identify in the caller's transaction. */
  private IdentifyResult write(
      IdentifyGroup group, long workspaceId, PersonRef ref, AttributeChanges changes) {
    Optional<String> bodyId = changes.id().flatMap(v -> v);
    Optional<String> bodyEmail = changes.email().flatMap(v -> v);
    if (group.anySuppressed(workspaceId, IdentifyGroup.identifiers(ref, changes))) {
      return new IdentifyResult(Outcome.SKIPPED_SUPPRESSED, null, "an identifier is suppressed");
    }
    Optional<Person> byRef = group.find(workspaceId, ref);

    Person person;
    Outcome outcome;
    if (byRef.isPresent()) {
      person = byRef.get();
      outcome = Outcome.UPDATED;
    } else if (ref.type() == IdType.CIO_ID) {
      return new IdentifyResult(
          Outcome.SKIPPED_UNKNOWN_CIO_ID, null, "no person with cio_id " + ref.value());
    } else {
      // Path identifier unknown: a body identifier may point at an existing person.
      Optional<Person> byBody =
          ref.type() == IdType.ID
              ? bodyEmail.flatMap(e -> group.lookup(workspaceId, new PersonRef(IdType.EMAIL, e)))
              : bodyId.flatMap(i -> group.lookup(workspaceId, new PersonRef(IdType.ID, i)));
      if (byBody.isPresent()) {
        person = byBody.get();
        outcome = Outcome.UPDATED;
      } else if (changes.updateOnly()) {
        return new IdentifyResult(
            Outcome.SKIPPED_UPDATE_ONLY, null, "_update is set and no person matches");
      } else {
        person = new Person(workspaceId, Tokens.randomHex(8), clock.instant());
        outcome = Outcome.CREATED;
      }
    }

    // The path identifier also sets that identifier ("PUT /customers/a@x.com" gives the email),
    // unless the person already has it (an email differing only in case is the same email).
    AttributeChanges effective = withPathIdentifier(ref, changes, person);
    Optional<String> conflict = conflict(group, workspaceId, person, effective);
    if (conflict.isPresent()) {
      if (outcome == Outcome.UPDATED) {
        group.change(
            workspaceId,
            person.cioId(),
            "failed_attribute_change",
            clock.instant(),
            Jsons.createObjectBuilder().add("reason", conflict.get()).build());
      }
      return new IdentifyResult(Outcome.CONFLICT, person.cioId(), conflict.get());
    }
    Person.Applied applied = person.apply(effective, clock.instant());
    if (outcome == Outcome.CREATED) {
      group.created(person);
    }
    // No write here: the group writes every call's changes at once. A later call's lookup
    // writes them first, so it still sees what earlier calls wrote.
    // A new person's change row lists every attribute it starts with, cio_id included.
    JsonObject diff =
        ChangeLog.diff(
            outcome == Outcome.CREATED ? JsonValue.EMPTY_JSON_OBJECT : applied.before(),
            applied.after());
    if (outcome == Outcome.CREATED || !diff.isEmpty()) {
      group.change(
          workspaceId,
          person.cioId(),
          outcome == Outcome.CREATED ? "created" : "attribute_change",
          clock.instant(),
          diff);
    }
    if (changes.anonymousId().isPresent()) {
      anonymousIds.link(workspaceId, changes.anonymousId().get(), person.cioId(), clock.instant());
      anonymousLinked.fire(
          new AnonymousIdLinked(
              new WorkspaceId(workspaceId), changes.anonymousId().get(), person.cioId()));
    }
    return new IdentifyResult(outcome, person.cioId(), "");
  }

  /** Merges one person into another; see {@code PeopleService#merge}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public MergeResult merge(long workspaceId, PersonRef primaryRef, PersonRef secondaryRef) {
    Optional<Person> primary = people.find(workspaceId, primaryRef);
    if (primary.isEmpty()) {
      return new MergeResult(MergeResult.Outcome.NO_PRIMARY, null);
    }
    Optional<Person> secondary = people.find(workspaceId, secondaryRef);
    if (secondary.isEmpty()) {
      return new MergeResult(MergeResult.Outcome.NO_SECONDARY, primary.get().cioId());
    }
    if (secondary.get().cioId().equals(primary.get().cioId())) {
      return new MergeResult(MergeResult.Outcome.SAME_PERSON, primary.get().cioId());
    }
    var now = clock.instant();
    people.record(new Merge(workspaceId, primary.get(), secondary.get(), now));
    // Before the secondary's row goes: its devices would go with it (ON DELETE CASCADE).
    devices.moveAll(secondary.get().id(), primary.get().id());
    people.remove(secondary.get());
    people.flush(); // frees the secondary's identifiers before the primary takes them
    primary.get().absorb(secondary.get(), now);
    people.flush();
    anonymousIds.moveAll(workspaceId, secondary.get().cioId(), primary.get().cioId());
    changeLog.moveAll(workspaceId, secondary.get().cioId(), primary.get().cioId());
    changeLog.record(
        workspaceId,
        primary.get().cioId(),
        "merged",
        now,
        Jsons.createObjectBuilder().add("merged_cio_id", secondary.get().cioId()).build());
    merged.fire(
        new PeopleMerged(
            new WorkspaceId(workspaceId), primary.get().cioId(), secondary.get().cioId()));
    return new MergeResult(MergeResult.Outcome.MERGED, primary.get().cioId());
  }

  /** Deletes the person {@code ref} points at; see {@code PeopleService#delete}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean delete(long workspaceId, PersonRef ref) {
    Optional<Person> person = people.find(workspaceId, ref);
    person.ifPresent(p -> remove(workspaceId, p));
    return person.isPresent();
  }

  /** Deletes the person and suppresses their identifiers; see {@code PeopleService#suppress}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void suppress(long workspaceId, PersonRef ref) {
    var now = clock.instant();
    suppressions.suppress(workspaceId, ref, now);
    people
        .find(workspaceId, ref)
        .ifPresent(
            person -> {
              if (person.customerId() != null) {
                suppressions.suppress(
                    workspaceId, new PersonRef(IdType.ID, person.customerId()), now);
              }
              if (person.email() != null) {
                suppressions.suppress(
                    workspaceId, new PersonRef(IdType.EMAIL, person.email()), now);
              }
              if (person.phone() != null) {
                suppressions.suppress(
                    workspaceId, new PersonRef(IdType.PHONE, person.phone()), now);
              }
              remove(workspaceId, person);
            });
  }

  /** Deletes a person (their devices go with the row) and announces it. */
  private void remove(long workspaceId, Person person) {
    anonymousIds.forget(workspaceId, person.cioId());
    changeLog.forget(workspaceId, person.cioId());
    people.remove(person);
    deleted.fire(new PersonDeleted(new WorkspaceId(workspaceId), person.cioId()));
  }

  /** Lifts one identifier's suppression; see {@code PeopleService#unsuppress}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean unsuppress(long workspaceId, PersonRef ref) {
    return suppressions.unsuppress(workspaceId, ref);
  }

  private static AttributeChanges withPathIdentifier(
      PersonRef ref, AttributeChanges changes, Person person) {
    boolean setId =
        ref.type() == IdType.ID
            && changes.id().isEmpty()
            && !ref.value().equals(person.customerId());
    boolean setEmail =
        ref.type() == IdType.EMAIL
            && changes.email().isEmpty()
            && !ref.value().equalsIgnoreCase(Objects.toString(person.email(), ""));
    if (ref.type() == IdType.PHONE
        && !changes.writes().containsKey(Person.PHONE)
        && !ref.value().equals(person.phone())) {
      Map<String, JsonValue> writes = new LinkedHashMap<>(changes.writes());
      writes.put(Person.PHONE, Jsons.createValue(ref.value()));
      return new AttributeChanges(
          changes.id(),
          changes.email(),
          changes.updateOnly(),
          changes.unsubscribed(),
          writes,
          changes.anonymousId(),
          changes.timestamp());
    }
    if (!setId && !setEmail) {
      return changes;
    }
    return new AttributeChanges(
        setId ? Optional.of(Optional.of(ref.value())) : changes.id(),
        setEmail ? Optional.of(Optional.of(ref.value())) : changes.email(),
        changes.updateOnly(),
        changes.unsubscribed(),
        changes.writes(),
        changes.anonymousId(),
        changes.timestamp());
  }

  /** An identifier the change would give {@code person} that another person already has. */
  private static Optional<String> conflict(
      IdentifyGroup group, long workspaceId, Person person, AttributeChanges changes) {
    Optional<String> newId = changes.id().flatMap(v -> v);
    if (newId.isPresent() && !newId.get().equals(person.customerId())) {
      Optional<Person> holder = group.lookup(workspaceId, new PersonRef(IdType.ID, newId.get()));
      if (holder.isPresent() && !Objects.equals(holder.get().cioId(), person.cioId())) {
        return Optional.of("id " + newId.get() + " belongs to another person");
      }
    }
    if (changes.writes().get(Person.PHONE) instanceof JsonString phone
        && !phone.getString().equals(person.phone())) {
      Optional<Person> holder =
          group.lookup(workspaceId, new PersonRef(IdType.PHONE, phone.getString()));
      if (holder.isPresent() && !Objects.equals(holder.get().cioId(), person.cioId())) {
        return Optional.of("phone " + phone.getString() + " belongs to another person");
      }
    }
    Optional<String> newEmail = changes.email().flatMap(v -> v);
    if (newEmail.isPresent()
        && !Objects.equals(Person.emailKey(newEmail.get()), Person.emailKey(person.email()))) {
      Optional<Person> holder =
          group.lookup(workspaceId, new PersonRef(IdType.EMAIL, newEmail.get()));
      if (holder.isPresent() && !Objects.equals(holder.get().cioId(), person.cioId())) {
        return Optional.of("email " + newEmail.get() + " belongs to another person");
      }
    }
    return Optional.empty();
  }
}
