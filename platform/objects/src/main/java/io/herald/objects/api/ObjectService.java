package io.herald.objects.api;

import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Customer.io custom objects: object types, objects with attributes, relationships between people
 * and objects, and (a Herald extension) directed relationships between objects.
 *
 * <p>People are referenced by their stable {@code cio_id}. An object identify's relationships name
 * people by {@code id}, {@code email} or {@code cio_id}; people who do not exist are skipped (as
 * Customer.io does) and reported in {@link ObjectIdentifyResult#skippedPeople()}.
 *
 * <p>Naming an object by type and {@code object_id} creates it when missing (and its type, while
 * the workspace is under {@code herald.objects.max-types-per-workspace}); naming it by {@code
 * cio_object_id} never creates. Invalid input throws {@link InvalidObjectDataException} with the
 * offending field, and nothing is written.
 */
public interface ObjectService {

  /** The workspace's object types, by id. */
  List<ObjectTypeView> types(WorkspaceId workspace);

  /**
   * Creates an object type with the next free id, or returns the existing type of that name.
   *
   * @param name 1 to 255 characters
   * @return the type, and whether it was created
   * @throws InvalidObjectDataException for a bad name ({@code name}) or when the workspace has
   *     reached its type limit ({@code object_type_id})
   */
  TypeCreation createType(WorkspaceId workspace, String name);

  /**
   * The outcome of {@link #createType}.
   *
   * @param type the type
   * @param created whether it was created now
   */
  record TypeCreation(ObjectTypeView type, boolean created) {}

  /**
   * Creates or updates an object (Customer.io's object {@code identify}): attributes are merged
   * ({@code null} or {@code ""} removes one), then each person relationship is added or has its
   * attributes merged.
   *
   * @throws ObjectNotFoundException when {@code ref} is a {@code cio_object_id} that names no
   *     object
   * @throws InvalidObjectDataException for attributes over the limits (field {@code attributes…}),
   *     relationship attributes over the limits, or an unknown type over the type limit ({@code
   *     object_type_id})
   */
  ObjectIdentifyResult identify(
      WorkspaceId workspace,
      ObjectRef ref,
      JsonObject attributes,
      List<PersonRelationshipSpec> relationshipsToPeople);

  /**
   * Deletes an object with all its relationships.
   *
   * @return whether an object was deleted
   */
  boolean delete(WorkspaceId workspace, ObjectRef ref);

  /** The object {@code ref} names. */
  Optional<ObjectView> find(WorkspaceId workspace, ObjectRef ref);

  /**
   * Objects of one type matching a filter, in creation order.
   *
   * @param filter the filter; empty for every object of the type
   */
  Page<ObjectView> search(
      WorkspaceId workspace, String typeId, Optional<ObjectFilter> filter, PageRequest page);

  /**
   * Relates a person to objects (Customer.io {@code add_relationships}), creating objects named by
   * type and id when missing; an existing relationship has its attributes merged.
   *
   * @param personCioId the person's {@code cio_id}; the caller resolved it
   */
  RelateResult relatePerson(
      WorkspaceId workspace, String personCioId, List<RelationshipSpec> relationships);

  /**
   * Removes a person's relationships to the given objects (Customer.io {@code
   * delete_relationships}); unknown objects and missing relationships are ignored.
   *
   * @return how many relationships were removed
   */
  int unrelatePerson(WorkspaceId workspace, String personCioId, List<ObjectRef> objects);

  /**
   * Relates {@code parent} to child objects (directed), creating objects named by type and id when
   * missing; an existing relationship has its attributes merged.
   *
   * @throws ObjectNotFoundException when {@code parent} is an unknown {@code cio_object_id}
   * @throws InvalidObjectDataException when an object would be related to itself
   */
  RelateResult relateObjects(
      WorkspaceId workspace, ObjectRef parent, List<RelationshipSpec> children);

  /**
   * Removes relationships from {@code parent} to the given children; unknown objects and missing
   * relationships are ignored.
   *
   * @return how many relationships were removed
   */
  int unrelateObjects(WorkspaceId workspace, ObjectRef parent, List<ObjectRef> children);

  /**
   * The people related to an object, oldest relationship first.
   *
   * @throws ObjectNotFoundException when the object does not exist
   */
  Page<RelationshipView> relationshipsOfObject(
      WorkspaceId workspace, ObjectRef object, PageRequest page);

  /** The objects a person is related to, oldest relationship first. */
  Page<RelationshipView> relationshipsOfPerson(
      WorkspaceId workspace, String personCioId, PageRequest page);

  /**
   * An object's children or parents, oldest relationship first.
   *
   * @throws ObjectNotFoundException when the object does not exist
   */
  Page<ObjectRelationshipView> objectRelationships(
      WorkspaceId workspace, ObjectRef object, Direction direction, PageRequest page);
}
