package io.herald.webadmin.fakes;

import io.herald.objects.api.Direction;
import io.herald.objects.api.ObjectFilter;
import io.herald.objects.api.ObjectIdentifiers;
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
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Types, objects and relationships in lists, paged as the real service pages (the token is the
 * position after the page's last item). Records the search requests it was asked.
 */
public final class FakeObjects implements ObjectService {

  public final List<ObjectTypeView> types = new ArrayList<>();
  public final List<ObjectView> objects = new ArrayList<>();
  public final List<RelationshipView> people = new ArrayList<>();
  public final List<ObjectRelationshipView> links = new ArrayList<>();
  public final List<PageRequest> searches = new ArrayList<>();

  public ObjectTypeView addType(String id, String name) {
    ObjectTypeView type = new ObjectTypeView(id, name, Instant.EPOCH);
    types.add(type);
    return type;
  }

  public ObjectIdentifiers addObject(String typeId, String objectId, JsonObject attributes) {
    ObjectIdentifiers ids = new ObjectIdentifiers(typeId, objectId, "cio-" + objectId);
    objects.add(
        new ObjectView(
            ids, attributes, Map.of("name", 1_700_000_000L), Instant.EPOCH, Instant.EPOCH));
    return ids;
  }

  public void relate(String personCioId, ObjectIdentifiers object, JsonObject attributes) {
    people.add(new RelationshipView(personCioId, object, attributes, Instant.EPOCH, Instant.EPOCH));
  }

  public void link(ObjectIdentifiers parent, ObjectIdentifiers child, JsonObject attributes) {
    links.add(new ObjectRelationshipView(parent, child, attributes, Instant.EPOCH, Instant.EPOCH));
  }

  @Override
  public List<ObjectTypeView> types(WorkspaceId workspace) {
    return List.copyOf(types);
  }

  @Override
  public Optional<ObjectView> find(WorkspaceId workspace, ObjectRef ref) {
    return objects.stream().filter(o -> same(o.identifiers(), ref)).findFirst();
  }

  @Override
  public Page<ObjectView> search(
      WorkspaceId workspace, String typeId, Optional<ObjectFilter> filter, PageRequest page) {
    searches.add(page);
    return page(
        objects.stream().filter(o -> o.identifiers().typeId().equals(typeId)).toList(), page);
  }

  @Override
  public Page<RelationshipView> relationshipsOfObject(
      WorkspaceId workspace, ObjectRef object, PageRequest page) {
    requireObject(object);
    return page(people.stream().filter(r -> same(r.object(), object)).toList(), page);
  }

  @Override
  public Page<RelationshipView> relationshipsOfPerson(
      WorkspaceId workspace, String personCioId, PageRequest page) {
    return page(people.stream().filter(r -> r.personCioId().equals(personCioId)).toList(), page);
  }

  @Override
  public Page<ObjectRelationshipView> objectRelationships(
      WorkspaceId workspace, ObjectRef object, Direction direction, PageRequest page) {
    requireObject(object);
    return page(
        links.stream()
            .filter(l -> same(direction == Direction.CHILDREN ? l.parent() : l.child(), object))
            .toList(),
        page);
  }

  private void requireObject(ObjectRef ref) {
    if (objects.stream().noneMatch(o -> same(o.identifiers(), ref))) {
      throw new ObjectNotFoundException(ref);
    }
  }

  private static boolean same(ObjectIdentifiers ids, ObjectRef ref) {
    return ids.typeId().equals(ref.typeId()) && ids.objectId().equals(ref.objectId());
  }

  private static <T> Page<T> page(List<T> all, PageRequest request) {
    int from = (int) request.after();
    int to = Math.min(all.size(), from + request.limit());
    return new Page<>(
        all.subList(Math.min(from, to), to), to < all.size() ? String.valueOf(to) : "");
  }

  @Override
  public TypeCreation createType(WorkspaceId workspace, String name) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public ObjectIdentifyResult identify(
      WorkspaceId workspace,
      ObjectRef ref,
      JsonObject attributes,
      List<PersonRelationshipSpec> relationshipsToPeople) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public boolean delete(WorkspaceId workspace, ObjectRef ref) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public RelateResult relatePerson(
      WorkspaceId workspace, String personCioId, List<RelationshipSpec> relationships) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public int unrelatePerson(WorkspaceId workspace, String personCioId, List<ObjectRef> objects) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public RelateResult relateObjects(
      WorkspaceId workspace, ObjectRef parent, List<RelationshipSpec> children) {
    throw new AssertionError("the console does not write objects");
  }

  @Override
  public int unrelateObjects(WorkspaceId workspace, ObjectRef parent, List<ObjectRef> children) {
    throw new AssertionError("the console does not write objects");
  }
}
