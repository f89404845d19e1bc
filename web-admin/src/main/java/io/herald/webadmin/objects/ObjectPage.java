package io.herald.webadmin.objects;

import io.herald.objects.api.Direction;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectRelationshipView;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectTypeView;
import io.herald.objects.api.ObjectView;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.RelationshipView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.webadmin.AttributeRow;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * An object ({@code ?type=&id=}): attributes, the people related to it ({@value #PEOPLE_PER_PAGE}
 * at a time, {@code &people=} is the previous page's token) with links to their pages, and its
 * object-to-object relationships both ways (the first {@value #RELATIONSHIPS_SHOWN} each).
 */
@Named
@RequestScoped
public class ObjectPage {

  /** Related people per page. */
  public static final int PEOPLE_PER_PAGE = 50;

  /** Object-to-object relationships listed per direction. */
  public static final int RELATIONSHIPS_SHOWN = 100;

  static final int DATA_CHARS = 2000;

  /**
   * A related person: the relationship, the person's id and email when they still exist, and the
   * relationship attributes as compact JSON.
   */
  public record PersonRow(RelationshipView relationship, PersonView person, String attributes) {}

  /** An object-to-object relationship with its attributes as compact JSON. */
  public record LinkRow(ObjectRelationshipView link, String attributes) {}

  @Inject ObjectService objects;
  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String type;
  private String id;
  private String peopleAfter;
  private ObjectView object;
  private String typeName;
  private List<AttributeRow> attributes = List.of();
  private List<PersonRow> relatedPeople = List.of();
  private String nextPeople = "";
  private List<LinkRow> children = List.of();
  private List<LinkRow> parents = List.of();

  /** Loads the object (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see objects.");
      return;
    }
    Optional<WorkspaceId> workspace = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (workspace.isEmpty()) {
      return;
    }
    WorkspaceId ws = workspace.get();
    try {
      ObjectRef ref = ObjectRef.of(type, id);
      object = objects.find(ws, ref).orElse(null);
      if (object == null) {
        messages.error("There is no object " + id + " of type " + type + ".");
        return;
      }
      typeName =
          objects.types(ws).stream()
              .filter(t -> t.id().equals(type))
              .map(ObjectTypeView::name)
              .findFirst()
              .orElse(type);
      attributes = AttributeRow.of(object.attributes(), object.timestamps());
      Page<RelationshipView> related =
          objects.relationshipsOfObject(
              ws, ref, new PageRequest(peopleAfter == null ? "" : peopleAfter, PEOPLE_PER_PAGE));
      relatedPeople =
          related.items().stream()
              .map(
                  r ->
                      new PersonRow(
                          r,
                          people
                              .find(ws, new PersonRef(IdType.CIO_ID, r.personCioId()))
                              .orElse(null),
                          AttributeRow.compact(r.attributes(), DATA_CHARS)))
              .toList();
      nextPeople = related.next();
      children = links(ws, ref, Direction.CHILDREN);
      parents = links(ws, ref, Direction.PARENTS);
    } catch (InvalidObjectDataException e) {
      object = null;
      messages.error("Object not shown: " + String.join("; ", e.messages()) + ".");
    } catch (ObjectNotFoundException e) {
      object = null;
      messages.error("There is no object " + id + " of type " + type + ".");
    }
  }

  private List<LinkRow> links(WorkspaceId ws, ObjectRef ref, Direction direction) {
    return objects
        .objectRelationships(ws, ref, direction, new PageRequest("", RELATIONSHIPS_SHOWN))
        .items()
        .stream()
        .map(l -> new LinkRow(l, AttributeRow.compact(l.attributes(), DATA_CHARS)))
        .toList();
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getPeopleAfter() {
    return peopleAfter;
  }

  public void setPeopleAfter(String peopleAfter) {
    this.peopleAfter = peopleAfter;
  }

  /** The object, {@code null} when none was found. */
  public ObjectView getObject() {
    return object;
  }

  public String getTypeName() {
    return typeName;
  }

  public List<AttributeRow> getAttributes() {
    return attributes;
  }

  public List<PersonRow> getRelatedPeople() {
    return relatedPeople;
  }

  /** The token of the next page of related people; empty on the last page. */
  public String getNextPeople() {
    return nextPeople;
  }

  /** The objects this object is the parent of. */
  public List<LinkRow> getChildren() {
    return children;
  }

  /** The objects this object is a child of. */
  public List<LinkRow> getParents() {
    return parents;
  }
}
