package io.herald.objects.internal;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectIdentifiers;
import io.herald.objects.api.ObjectIdentifyResult;
import io.herald.objects.api.ObjectIdentifyResult.Outcome;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectService.TypeCreation;
import io.herald.objects.api.RelateResult;
import io.herald.objects.api.RelationshipSpec;
import io.herald.objects.api.RelationshipsChanged;
import io.herald.people.api.PersonRef;
import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every change of the module, each in its own transaction: the service validates first and retries
 * a transaction that lost a race on a unique key or a version.
 */
@ApplicationScoped
public class ObjectWriter {

  @Inject ObjectRepository repository;

  @Inject Clock clock;

  @Inject Event<RelationshipsChanged> relationshipsChanged;

  @Inject
  @ConfigProperty(name = "herald.objects.max-types-per-workspace", defaultValue = "50")
  int maxTypesPerWorkspace;

  /**
   * A person an object identify relates to, already resolved.
   *
   * @param cioId the person's cio_id
   * @param attributes relationship attributes
   * @param field where the relationship was given, for messages
   */
  record PersonLink(String cioId, JsonObject attributes, String field) {}

  /** See {@code ObjectService#createType}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TypeCreation createType(long workspaceId, String name) {
    List<ObjectType> types = repository.types(workspaceId);
    Optional<ObjectType> same =
        types.stream()
            .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .findFirst();
    if (same.isPresent()) {
      return new TypeCreation(same.get().view(), false);
    }
    int next = types.stream().mapToInt(ObjectType::typeId).max().orElse(0) + 1;
    requireRoomForType(workspaceId, types.size(), Integer.toString(next));
    ObjectType type = new ObjectType(workspaceId, next, name, clock.instant());
    repository.add(type);
    repository.flush();
    return new TypeCreation(type.view(), true);
  }

  /** See {@code ObjectService#identify}; people were resolved by the caller. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ObjectIdentifyResult identify(
      long workspaceId,
      ObjectRef ref,
      JsonObject attributes,
      List<PersonLink> people,
      List<PersonRef> skippedPeople) {
    Instant now = clock.instant();
    Optional<CustomObject> existing = repository.find(workspaceId, ref);
    CustomObject object;
    Outcome outcome;
    if (existing.isPresent()) {
      object = existing.get();
      outcome = Outcome.UPDATED;
    } else if (ref.byCioObjectId()) {
      throw new ObjectNotFoundException(ref);
    } else {
      object = create(workspaceId, ref, now);
      outcome = Outcome.CREATED;
    }
    boolean changed = object.apply(attributes, now);
    repository.flush();
    // Journaled only when something changed, so a journey step writing the values an object
    // already has cannot re-trigger its own journey for ever.
    if (outcome == Outcome.CREATED || changed) {
      repository.journal(
          workspaceId, object, outcome == Outcome.CREATED ? "created" : "updated", null, now);
    }
    for (PersonLink link : people) {
      if (relate(workspaceId, object, link.cioId(), link.attributes(), link.field(), now)) {
        repository.journal(workspaceId, object, "related", link.cioId(), now);
      }
    }
    repository.flush();
    // Everyone related to the object (the people just linked included) may now match differently.
    announce(workspaceId, object, List.of(), true);
    return new ObjectIdentifyResult(outcome, object.view(), skippedPeople);
  }

  /** See {@code ObjectService#delete}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean delete(long workspaceId, ObjectRef ref) {
    Optional<CustomObject> object = repository.find(workspaceId, ref);
    object.ifPresent(o -> announce(workspaceId, o, List.of(), true)); // before its links go
    object.ifPresent(o -> journalDeletion(workspaceId, o, clock.instant()));
    object.ifPresent(repository::remove);
    return object.isPresent();
  }

  /**
   * Journals {@code deleted} once per person related to the object (the relationships go with it,
   * so the journal is the only place left that names them), or once with nobody.
   */
  private void journalDeletion(long workspaceId, CustomObject object, Instant now) {
    long after = 0;
    boolean anyone = false;
    while (true) {
      List<PersonRelationship> page = repository.relationshipsOfObject(object, after, 1000);
      for (PersonRelationship r : page) {
        repository.journal(workspaceId, object, "deleted", r.view().personCioId(), now);
        anyone = true;
      }
      if (page.size() < 1000) {
        break;
      }
      after = page.get(page.size() - 1).pk();
    }
    if (!anyone) {
      repository.journal(workspaceId, object, "deleted", null, now);
    }
  }

  /** See {@code ObjectService#relatePerson}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public RelateResult relatePerson(
      long workspaceId, String personCioId, List<RelationshipSpec> specs, String field) {
    Instant now = clock.instant();
    List<ObjectRef> skipped = new ArrayList<>();
    int applied = 0;
    for (int i = 0; i < specs.size(); i++) {
      RelationshipSpec spec = specs.get(i);
      Optional<CustomObject> object = findOrCreate(workspaceId, spec.object(), now);
      if (object.isEmpty()) {
        skipped.add(spec.object());
        continue;
      }
      boolean added =
          relate(
              workspaceId,
              object.get(),
              personCioId,
              spec.attributes(),
              field + "[" + i + "].relationship_attributes",
              now);
      if (added) {
        repository.journal(workspaceId, object.get(), "related", personCioId, now);
      }
      announce(workspaceId, object.get(), List.of(personCioId), false);
      applied++;
    }
    repository.flush();
    return new RelateResult(applied, skipped);
  }

  /** See {@code ObjectService#unrelatePerson}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int unrelatePerson(long workspaceId, String personCioId, List<ObjectRef> objects) {
    int removed = 0;
    for (ObjectRef ref : objects) {
      Optional<PersonRelationship> relationship =
          repository.find(workspaceId, ref).flatMap(o -> repository.relationship(o, personCioId));
      if (relationship.isPresent()) {
        repository.remove(relationship.get());
        repository
            .find(workspaceId, ref)
            .ifPresent(
                o -> {
                  announce(workspaceId, o, List.of(personCioId), false);
                  repository.journal(workspaceId, o, "unrelated", personCioId, clock.instant());
                });
        removed++;
      }
    }
    return removed;
  }

  /** See {@code ObjectService#relateObjects}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public RelateResult relateObjects(
      long workspaceId, ObjectRef parentRef, List<RelationshipSpec> children, String field) {
    Instant now = clock.instant();
    CustomObject parent =
        findOrCreate(workspaceId, parentRef, now)
            .orElseThrow(() -> new ObjectNotFoundException(parentRef));
    List<ObjectRef> skipped = new ArrayList<>();
    int applied = 0;
    for (int i = 0; i < children.size(); i++) {
      RelationshipSpec spec = children.get(i);
      String where = field + "[" + i + "]";
      Optional<CustomObject> child = findOrCreate(workspaceId, spec.object(), now);
      if (child.isEmpty()) {
        skipped.add(spec.object());
        continue;
      }
      if (child.get().pk().equals(parent.pk())) {
        throw InvalidObjectDataException.of(
            where + ".identifiers", "an object cannot be related to itself");
      }
      Optional<ObjectRelationship> existing = repository.relationship(parent, child.get());
      ObjectRelationship relationship =
          existing.orElseGet(() -> new ObjectRelationship(workspaceId, parent, child.get(), now));
      relationship.merge(spec.attributes(), now, where + ".relationship_attributes");
      if (existing.isEmpty()) {
        repository.add(relationship);
        repository.journal(workspaceId, parent, "child_related", null, child.get(), now);
        repository.journal(workspaceId, child.get(), "parent_related", null, parent, now);
      }
      applied++;
    }
    repository.flush();
    return new RelateResult(applied, skipped);
  }

  /** See {@code ObjectService#unrelateObjects}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int unrelateObjects(long workspaceId, ObjectRef parentRef, List<ObjectRef> children) {
    Optional<CustomObject> parent = repository.find(workspaceId, parentRef);
    if (parent.isEmpty()) {
      return 0;
    }
    int removed = 0;
    for (ObjectRef ref : children) {
      Optional<CustomObject> child = repository.find(workspaceId, ref);
      Optional<ObjectRelationship> relationship =
          child.flatMap(c -> repository.relationship(parent.get(), c));
      if (relationship.isPresent()) {
        repository.remove(relationship.get());
        Instant now = clock.instant();
        repository.journal(workspaceId, parent.get(), "child_unrelated", null, child.get(), now);
        repository.journal(workspaceId, child.get(), "parent_unrelated", null, parent.get(), now);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Hands the secondary person's relationships to the primary; where both are related to the same
   * object, the primary's relationship stays and the secondary's is deleted.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public RelationshipMerge movePersonRelationships(
      long workspaceId, String primaryCioId, String secondaryCioId) {
    Set<Long> primaryObjects =
        repository.relationshipsOfPerson(workspaceId, primaryCioId).stream()
            .map(r -> r.object().pk())
            .collect(Collectors.toSet());
    Map<Long, PersonRelationship> secondary = new HashMap<>();
    List<RelationshipMerge.Entry> entries = new ArrayList<>();
    for (PersonRelationship r : repository.relationshipsOfPerson(workspaceId, secondaryCioId)) {
      secondary.put(r.pk(), r);
      entries.add(new RelationshipMerge.Entry(r.pk(), r.object().pk()));
    }
    RelationshipMerge plan = RelationshipMerge.plan(entries, primaryObjects);
    Instant now = clock.instant();
    plan.drop().forEach(pk -> repository.remove(secondary.get(pk)));
    repository.flush();
    plan.move().forEach(pk -> secondary.get(pk).reassign(primaryCioId, now));
    repository.flush();
    return plan;
  }

  /** Deletes every relationship of a deleted person; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int deletePersonRelationships(long workspaceId, String personCioId) {
    List<PersonRelationship> relationships =
        repository.relationshipsOfPerson(workspaceId, personCioId);
    relationships.forEach(repository::remove);
    return relationships.size();
  }

  private boolean relate(
      long workspaceId,
      CustomObject object,
      String personCioId,
      JsonObject attributes,
      String field,
      Instant now) {
    Optional<PersonRelationship> existing = repository.relationship(object, personCioId);
    PersonRelationship relationship =
        existing.orElseGet(() -> new PersonRelationship(workspaceId, object, personCioId, now));
    relationship.merge(attributes, now, field);
    if (existing.isEmpty()) {
      repository.add(relationship);
    }
    return existing.isEmpty();
  }

  /** The object; created when named by type and id; empty for an unknown cio_object_id. */
  private Optional<CustomObject> findOrCreate(long workspaceId, ObjectRef ref, Instant now) {
    Optional<CustomObject> existing = repository.find(workspaceId, ref);
    if (existing.isPresent() || ref.byCioObjectId()) {
      return existing;
    }
    CustomObject created = create(workspaceId, ref, now);
    repository.flush();
    return Optional.of(created);
  }

  private CustomObject create(long workspaceId, ObjectRef ref, Instant now) {
    int typeId = Integer.parseInt(ref.typeId());
    if (repository.type(workspaceId, typeId).isEmpty()) {
      requireRoomForType(workspaceId, repository.types(workspaceId).size(), ref.typeId());
      repository.add(new ObjectType(workspaceId, typeId, ObjectType.defaultName(typeId), now));
      repository.flush();
    }
    CustomObject object =
        new CustomObject(workspaceId, typeId, ref.objectId(), Tokens.randomHex(8), now);
    repository.add(object);
    return object;
  }

  private void requireRoomForType(long workspaceId, int existing, String typeId) {
    int limit = TypeLimit.effective(maxTypesPerWorkspace, repository.maxTypesOverride(workspaceId));
    if (existing >= limit) {
      throw InvalidObjectDataException.of(
          "object_type_id",
          "type "
              + typeId
              + " does not exist and the workspace has reached its limit of "
              + limit
              + " object types");
    }
  }

  /** Fires {@link RelationshipsChanged} in the current transaction. */
  private void announce(
      long workspaceId, CustomObject object, List<String> people, boolean everyoneRelated) {
    ObjectIdentifiers ids = object.identifiers();
    relationshipsChanged.fire(
        new RelationshipsChanged(
            new WorkspaceId(workspaceId),
            ids.typeId(),
            people,
            everyoneRelated ? ids.cioObjectId() : null));
  }
}
