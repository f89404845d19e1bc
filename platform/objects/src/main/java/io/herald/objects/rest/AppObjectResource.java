package io.herald.objects.rest;

import io.herald.objects.api.Direction;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectFilter;
import io.herald.objects.api.ObjectIdentifyResult;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectRelationshipView;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectView;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.RelateResult;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * App API objects ({@code /v1/objects}): Customer.io's search, attributes and relationships reads,
 * and Herald's writes (identify, delete, relationship removal, object-to-object relationships).
 */
@Path("/v1/objects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppObjectResource {

  /** Largest search body. */
  static final int MAX_SEARCH_BYTES = 32 * 1024;

  /** Largest identify body: a 100 KB document plus relationships. */
  static final int MAX_IDENTIFY_BYTES = 512 * 1024;

  @Inject ObjectService objects;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /**
   * Customer.io {@code POST /v1/objects}: {@code {"object_type_id":"1","filter":{…}}} → {@code
   * {"identifiers":[…],"ids":[…],"next":"…"}}; without {@code filter}, every object of the type.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response search(
      @QueryParam("start") String start, @QueryParam("limit") String limit, InputStream body) {
    return answer(
        () -> {
          PageRequest page = PageRequest.parse(start, limit);
          JsonObject request = ObjectJson.body(body, MAX_SEARCH_BYTES);
          for (String key : request.keySet()) {
            if (!key.equals("object_type_id") && !key.equals("filter")) {
              throw InvalidObjectDataException.of(
                  key, "is not known; use object_type_id and filter");
            }
          }
          JsonValue type = request.get("object_type_id");
          if (type == null) {
            throw InvalidObjectDataException.of("object_type_id", "is required");
          }
          String typeId = ObjectRef.typeIdFrom(type, "object_type_id");
          Optional<ObjectFilter> filter =
              Optional.ofNullable(request.get("filter"))
                  .map(f -> ObjectFilter.parse(f, "filter", typeId));
          WorkspaceId ws = actor.workspaceId();
          if (objects.types(ws).stream().noneMatch(t -> t.id().equals(typeId))) {
            return ObjectJson.notFound("no object type " + typeId);
          }
          Page<ObjectView> found = objects.search(ws, typeId, filter, page);
          JsonArrayBuilder identifiers = Jsons.createArrayBuilder();
          JsonArrayBuilder ids = Jsons.createArrayBuilder();
          for (ObjectView o : found.items()) {
            identifiers.add(ObjectJson.identifiers(o.identifiers()));
            ids.add(o.identifiers().objectId());
          }
          return ObjectJson.ok(
              Jsons.createObjectBuilder()
                  .add("identifiers", identifiers)
                  .add("ids", ids)
                  .add("next", found.next()));
        });
  }

  /** Customer.io {@code GET /v1/objects/{type}/{id}/attributes}: {@code {"object":{…}}}. */
  @GET
  @Path("/{object_type_id}/{object_id}/attributes")
  public Response attributes(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @QueryParam("id_type") String idType) {
    return answer(() -> ObjectJson.ok(ObjectJson.object(existing(typeId, objectId, idType))));
  }

  /**
   * Herald extension: creates or updates an object, {@code {"attributes":{…},
   * "cio_relationships":[{"identifiers":{"id"|"email"|"cio_id":…},"relationship_attributes":{…}}],
   * "object_relationships":[{"identifiers":{"object_type_id","object_id"}|{"cio_object_id"},
   * "relationship_attributes":{…}}]}} (object relationships make this object their parent). 201
   * when created, 200 when updated; unknown people are skipped and listed.
   */
  @PUT
  @Path("/{object_type_id}/{object_id}")
  @Consumes(MediaType.WILDCARD)
  public Response identify(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @QueryParam("id_type") String idType,
      InputStream body) {
    return answer(
        () -> {
          ObjectRef ref = ObjectJson.pathRef(typeId, objectId, idType);
          JsonObject request = ObjectJson.body(body, MAX_IDENTIFY_BYTES);
          IdentifyRequest parsed = IdentifyRequest.parse(request, ref);
          WorkspaceId ws = actor.workspaceId();
          if (ref.byCioObjectId()) {
            existing(typeId, objectId, idType); // update-only, and of the path's type
          }
          ObjectIdentifyResult result =
              objects.identify(ws, ref, parsed.attributes(), parsed.people());
          JsonArrayBuilder skipped = Jsons.createArrayBuilder();
          result.skippedPeople().forEach(p -> skipped.add(personIdentifiers(p)));
          if (!parsed.children().isEmpty()) {
            RelateResult related =
                objects.relateObjects(ws, result.object().identifiers().ref(), parsed.children());
            related.skipped().forEach(o -> skipped.add(objectIdentifiers(o)));
          }
          ObjectView view = objects.find(ws, result.object().identifiers().ref()).orElseThrow();
          return ObjectJson.status(
              result.outcome() == ObjectIdentifyResult.Outcome.CREATED
                  ? Response.Status.CREATED
                  : Response.Status.OK,
              ObjectJson.object(view).add("skipped_relationships", skipped).build());
        });
  }

  /** Herald extension: deletes an object and its relationships; 404 when it does not exist. */
  @DELETE
  @Path("/{object_type_id}/{object_id}")
  public Response delete(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @QueryParam("id_type") String idType) {
    return answer(
        () -> {
          ObjectView object = existing(typeId, objectId, idType);
          objects.delete(actor.workspaceId(), object.identifiers().ref());
          return ObjectJson.emptyOk();
        });
  }

  /**
   * Customer.io {@code GET /v1/objects/{type}/{id}/relationships}: the people related to the
   * object, {@code {"cio_relationships":[{"identifiers":{"cio_id","id","email"},
   * "relationship_attributes":{…}}],"next":"…"}}.
   */
  @GET
  @Path("/{object_type_id}/{object_id}/relationships")
  public Response relationships(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @QueryParam("id_type") String idType,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    return answer(
        () -> {
          PageRequest page = PageRequest.parse(start, limit);
          ObjectView object = existing(typeId, objectId, idType);
          WorkspaceId ws = actor.workspaceId();
          var found = objects.relationshipsOfObject(ws, object.identifiers().ref(), page);
          JsonArrayBuilder items = Jsons.createArrayBuilder();
          found
              .items()
              .forEach(
                  r ->
                      items.add(
                          Jsons.createObjectBuilder()
                              .add("identifiers", person(ws, r.personCioId()))
                              .add("relationship_attributes", r.attributes())));
          return ObjectJson.ok(
              Jsons.createObjectBuilder()
                  .add("cio_relationships", items)
                  .add("next", found.next()));
        });
  }

  /** Herald extension: removes a person's relationship to the object (person by cio_id). */
  @DELETE
  @Path("/{object_type_id}/{object_id}/relationships/{cio_id}")
  public Response unrelatePerson(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @PathParam("cio_id") String cioId,
      @QueryParam("id_type") String idType) {
    return answer(
        () -> {
          ObjectView object = existing(typeId, objectId, idType);
          int removed =
              objects.unrelatePerson(
                  actor.workspaceId(), cioId, List.of(object.identifiers().ref()));
          return removed > 0
              ? ObjectJson.emptyOk()
              : ObjectJson.notFound("no relationship between the object and cio_id " + cioId);
        });
  }

  /**
   * Herald extension: the object's children ({@code direction=children}, default) or parents,
   * {@code {"object_relationships":[{"identifiers":{…},"relationship_attributes":{…}}],"next"}}.
   */
  @GET
  @Path("/{object_type_id}/{object_id}/object_relationships")
  public Response objectRelationships(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @QueryParam("id_type") String idType,
      @QueryParam("direction") String direction,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    return answer(
        () -> {
          PageRequest page = PageRequest.parse(start, limit);
          Direction side;
          if (direction == null || direction.isEmpty() || direction.equals("children")) {
            side = Direction.CHILDREN;
          } else if (direction.equals("parents")) {
            side = Direction.PARENTS;
          } else {
            throw InvalidObjectDataException.of("direction", "must be children or parents");
          }
          ObjectView object = existing(typeId, objectId, idType);
          Page<ObjectRelationshipView> found =
              objects.objectRelationships(
                  actor.workspaceId(), object.identifiers().ref(), side, page);
          JsonArrayBuilder items = Jsons.createArrayBuilder();
          for (ObjectRelationshipView r : found.items()) {
            items.add(
                Jsons.createObjectBuilder()
                    .add(
                        "identifiers",
                        ObjectJson.identifiers(side == Direction.CHILDREN ? r.child() : r.parent()))
                    .add("relationship_attributes", r.attributes()));
          }
          return ObjectJson.ok(
              Jsons.createObjectBuilder()
                  .add("object_relationships", items)
                  .add("next", found.next()));
        });
  }

  /** Herald extension: removes the relationship from this object to a child object. */
  @DELETE
  @Path("/{object_type_id}/{object_id}/object_relationships/{child_type_id}/{child_id}")
  public Response unrelateObject(
      @PathParam("object_type_id") String typeId,
      @PathParam("object_id") String objectId,
      @PathParam("child_type_id") String childTypeId,
      @PathParam("child_id") String childId,
      @QueryParam("id_type") String idType) {
    return answer(
        () -> {
          ObjectView parent = existing(typeId, objectId, idType);
          ObjectRef child = ObjectJson.pathRef(childTypeId, childId, "object_id");
          int removed =
              objects.unrelateObjects(
                  actor.workspaceId(), parent.identifiers().ref(), List.of(child));
          return removed > 0
              ? ObjectJson.emptyOk()
              : ObjectJson.notFound("no relationship from the object to " + child.describe());
        });
  }

  /** The object the path names, of the path's type; 404 otherwise. */
  private ObjectView existing(String typeId, String objectId, String idType) {
    ObjectRef ref = ObjectJson.pathRef(typeId, objectId, idType);
    return objects
        .find(actor.workspaceId(), ref)
        .filter(o -> ObjectJson.ofType(o, typeId))
        .orElseThrow(() -> new ObjectNotFoundException(ref));
  }

  private JsonObject person(WorkspaceId ws, String cioId) {
    var ids = Jsons.createObjectBuilder().add("cio_id", cioId);
    var person = people.find(ws, new PersonRef(IdType.CIO_ID, cioId));
    if (person.isPresent() && person.get().id() != null) {
      ids.add("id", person.get().id());
    } else {
      ids.addNull("id");
    }
    if (person.isPresent() && person.get().email() != null) {
      ids.add("email", person.get().email());
    } else {
      ids.addNull("email");
    }
    return ids.build();
  }

  private static JsonObject personIdentifiers(PersonRef ref) {
    String key = ref.type().name().toLowerCase(java.util.Locale.ROOT);
    return Jsons.createObjectBuilder()
        .add("identifiers", Jsons.createObjectBuilder().add(key, ref.value()))
        .build();
  }

  private static JsonObject objectIdentifiers(ObjectRef ref) {
    var ids = Jsons.createObjectBuilder();
    if (ref.byCioObjectId()) {
      ids.add("cio_object_id", ref.cioObjectId());
    } else {
      ids.add("object_type_id", ref.typeId()).add("object_id", ref.objectId());
    }
    return Jsons.createObjectBuilder().add("identifiers", ids).build();
  }

  static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (ObjectJson.BadBody e) {
      return e.response();
    } catch (InvalidObjectDataException e) {
      return ObjectJson.invalid(e);
    } catch (ObjectNotFoundException e) {
      return ObjectJson.notFound(e);
    }
  }
}
