package io.herald.objects.internal;

import io.herald.objects.api.AttributeLimits;
import io.herald.objects.api.Direction;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.InvalidObjectDataException.Problem;
import io.herald.objects.api.ObjectFilter;
import io.herald.objects.api.ObjectIdentifyResult;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectRelationshipView;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectTypeView;
import io.herald.objects.api.ObjectView;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.PersonRelationshipSpec;
import io.herald.objects.api.RelateResult;
import io.herald.objects.api.RelationshipSpec;
import io.herald.objects.api.RelationshipView;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Validates input, resolves people through the people module's API, and runs each change through
 * {@link ObjectWriter} in its own transaction (retried when a concurrent request won a unique key
 * or a version).
 */
@ApplicationScoped
public class DefaultObjectService implements ObjectService {

  @Inject ObjectWriter writer;

  @Inject ObjectRepository repository;

  @Inject PeopleService people;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObjectTypeView> types(WorkspaceId workspace) {
    return repository.types(workspace.value()).stream().map(ObjectType::view).toList();
  }

  @Override
  public TypeCreation createType(WorkspaceId workspace, String name) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > ObjectType.MAX_NAME_LENGTH) {
      throw InvalidObjectDataException.of(
          "name", "must be 1 to " + ObjectType.MAX_NAME_LENGTH + " characters");
    }
    return Retry.concurrentWrites(() -> writer.createType(workspace.value(), trimmed));
  }

  @Override
  public ObjectIdentifyResult identify(
      WorkspaceId workspace,
      ObjectRef ref,
      JsonObject attributes,
      List<PersonRelationshipSpec> relationshipsToPeople) {
    List<Problem> problems =
        new ArrayList<>(AttributeLimits.checkChanges(attributes, "attributes"));
    for (int i = 0; i < relationshipsToPeople.size(); i++) {
      problems.addAll(
          AttributeLimits.checkChanges(
              relationshipsToPeople.get(i).attributes(),
              "cio_relationships[" + i + "].relationship_attributes"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    List<ObjectWriter.PersonLink> links = new ArrayList<>();
    List<PersonRef> skipped = new ArrayList<>();
    for (int i = 0; i < relationshipsToPeople.size(); i++) {
      PersonRelationshipSpec spec = relationshipsToPeople.get(i);
      Optional<PersonView> person = people.find(workspace, spec.person());
      if (person.isPresent()) {
        links.add(
            new ObjectWriter.PersonLink(
                person.get().cioId(),
                spec.attributes(),
                "cio_relationships[" + i + "].relationship_attributes"));
      } else {
        skipped.add(spec.person()); // Customer.io ignores relationships to unknown people too
      }
    }
    return Retry.concurrentWrites(
        () -> writer.identify(workspace.value(), ref, attributes, links, skipped));
  }

  @Override
  public boolean delete(WorkspaceId workspace, ObjectRef ref) {
    return writer.delete(workspace.value(), ref);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ObjectView> find(WorkspaceId workspace, ObjectRef ref) {
    return repository.find(workspace.value(), ref).map(CustomObject::view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ObjectView> search(
      WorkspaceId workspace, String typeId, Optional<ObjectFilter> filter, PageRequest page) {
    if (!ObjectRef.isTypeId(typeId)) {
      throw InvalidObjectDataException.of(
          "object_type_id", "must be an object type id such as \"1\"");
    }
    SearchSql sql = filter.map(f -> SearchSql.compile(f, 4)).orElse(null);
    List<Long> pks =
        repository.search(
            workspace.value(), Integer.parseInt(typeId), sql, page.after(), page.limit() + 1);
    List<Long> shown = pks.subList(0, Math.min(pks.size(), page.limit()));
    String next = pks.size() > page.limit() ? Long.toString(shown.get(shown.size() - 1)) : "";
    return new Page<>(repository.objects(shown).stream().map(CustomObject::view).toList(), next);
  }

  @Override
  public RelateResult relatePerson(
      WorkspaceId workspace, String personCioId, List<RelationshipSpec> relationships) {
    requireCioId(personCioId);
    checkSpecs(relationships, "cio_relationships");
    return Retry.concurrentWrites(
        () ->
            writer.relatePerson(
                workspace.value(), personCioId, relationships, "cio_relationships"));
  }

  @Override
  public int unrelatePerson(WorkspaceId workspace, String personCioId, List<ObjectRef> objects) {
    requireCioId(personCioId);
    return writer.unrelatePerson(workspace.value(), personCioId, objects);
  }

  @Override
  public RelateResult relateObjects(
      WorkspaceId workspace, ObjectRef parent, List<RelationshipSpec> children) {
    checkSpecs(children, "object_relationships");
    return Retry.concurrentWrites(
        () -> writer.relateObjects(workspace.value(), parent, children, "object_relationships"));
  }

  @Override
  public int unrelateObjects(WorkspaceId workspace, ObjectRef parent, List<ObjectRef> children) {
    return writer.unrelateObjects(workspace.value(), parent, children);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<RelationshipView> relationshipsOfObject(
      WorkspaceId workspace, ObjectRef object, PageRequest page) {
    CustomObject found =
        repository
            .find(workspace.value(), object)
            .orElseThrow(() -> new ObjectNotFoundException(object));
    return page(
        repository.relationshipsOfObject(found, page.after(), page.limit() + 1),
        page,
        PersonRelationship::pk,
        PersonRelationship::view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<RelationshipView> relationshipsOfPerson(
      WorkspaceId workspace, String personCioId, PageRequest page) {
    return page(
        repository.relationshipsOfPerson(
            workspace.value(), personCioId, page.after(), page.limit() + 1),
        page,
        PersonRelationship::pk,
        PersonRelationship::view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ObjectRelationshipView> objectRelationships(
      WorkspaceId workspace, ObjectRef object, Direction direction, PageRequest page) {
    CustomObject found =
        repository
            .find(workspace.value(), object)
            .orElseThrow(() -> new ObjectNotFoundException(object));
    return page(
        repository.objectRelationships(found, direction, page.after(), page.limit() + 1),
        page,
        ObjectRelationship::pk,
        ObjectRelationship::view);
  }

  private static <E, V> Page<V> page(
      List<E> fetched, PageRequest page, Function<E, Long> pk, Function<E, V> view) {
    List<E> shown = fetched.subList(0, Math.min(fetched.size(), page.limit()));
    String next =
        fetched.size() > page.limit() ? Long.toString(pk.apply(shown.get(shown.size() - 1))) : "";
    return new Page<>(shown.stream().map(view).toList(), next);
  }

  private static void checkSpecs(List<RelationshipSpec> specs, String field) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      problems.addAll(
          AttributeLimits.checkChanges(
              specs.get(i).attributes(), field + "[" + i + "].relationship_attributes"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
  }

  private static void requireCioId(String personCioId) {
    if (personCioId == null || personCioId.isBlank() || personCioId.length() > 32) {
      throw InvalidObjectDataException.of("cio_id", "must be a person's cio_id");
    }
  }

  /** Runs a write again when a concurrent request won a unique key or a version. */
  static final class Retry {
    private static final int ATTEMPTS = 3;

    private Retry() {}

    static <T> T concurrentWrites(Supplier<T> write) {
      for (int attempt = 1; ; attempt++) {
        try {
          return write.get();
        } catch (RuntimeException e) {
          if (attempt >= ATTEMPTS || !isConcurrentWrite(e)) {
            throw e;
          }
        }
      }
    }

    static boolean isConcurrentWrite(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof jakarta.persistence.OptimisticLockException
            || t instanceof java.sql.SQLIntegrityConstraintViolationException
            || String.valueOf(t.getMessage()).contains("Duplicate entry")) {
          return true;
        }
      }
      return false;
    }
  }
}
