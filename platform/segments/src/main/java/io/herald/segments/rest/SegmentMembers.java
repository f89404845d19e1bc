package io.herald.segments.rest;

import static io.herald.segments.rest.Replies.badRequest;
import static io.herald.segments.rest.Replies.noSegment;
import static io.herald.segments.rest.Replies.ok;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonIdentifiers;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.SegmentService;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The App API's member reads of a segment (manual or data): counts, pages, identifiers. */
@ApplicationScoped
public class SegmentMembers {

  /** Customer.io's default and largest page of members. */
  static final int DEFAULT_LIMIT = 1000;

  static final int MAX_LIMIT = 30_000;

  @Inject SegmentService segments;

  @Inject PeopleService people;

  /** {@code {"segment_id":N,"count":N}}, or 404. */
  Response count(WorkspaceId workspace, String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    OptionalLong count =
        id.isPresent() ? segments.count(workspace, id.getAsLong()) : OptionalLong.empty();
    if (count.isEmpty()) {
      return noSegment(segmentId);
    }
    return ok(
        Json.createObjectBuilder()
            .add("segment_id", id.getAsLong())
            .add("count", count.getAsLong())
            .build());
  }

  /**
   * The members, oldest first: {@code {"segment_id","identifiers":[{"cio_id","id","email"}],
   * "ids":[…],"next":"…"}}; {@code next} is {@code ""} on the last page, else the {@code start} of
   * the following one.
   */
  Response page(WorkspaceId workspace, String segmentId, String start, String limit) {
    OptionalLong after =
        start == null || start.isEmpty() ? OptionalLong.of(0) : SegmentIds.parse(start);
    if (after.isEmpty()) {
      return badRequest("start must be empty or the next value of a previous page");
    }
    int pageSize = DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
      if (!limit.matches("\\d{1,6}")
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > MAX_LIMIT) {
        return badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
      }
      pageSize = Integer.parseInt(limit);
    }
    OptionalLong id = SegmentIds.parse(segmentId);
    Optional<MemberPage> page =
        id.isPresent()
            ? segments.members(workspace, id.getAsLong(), after.getAsLong(), pageSize)
            : Optional.empty();
    if (page.isEmpty()) {
      return noSegment(segmentId);
    }
    Map<String, PersonIdentifiers> known =
        people.lookup(workspace, IdType.CIO_ID, page.get().cioIds());
    JsonArrayBuilder ids = Json.createArrayBuilder();
    for (String cioId : page.get().cioIds()) {
      PersonIdentifiers person = known.get(cioId);
      ids.add(person == null || person.id() == null ? "" : person.id());
    }
    return ok(
        Json.createObjectBuilder()
            .add("segment_id", id.getAsLong())
            .add("identifiers", identifiers(page.get().cioIds(), known))
            .add("ids", ids)
            .add(
                "next",
                page.get().next().isPresent() ? Long.toString(page.get().next().getAsLong()) : "")
            .build());
  }

  /** {@code [{"cio_id","id","email"}]} for these people, in this order. */
  JsonArrayBuilder identifiers(WorkspaceId workspace, List<String> cioIds) {
    return identifiers(
        cioIds, cioIds.isEmpty() ? Map.of() : people.lookup(workspace, IdType.CIO_ID, cioIds));
  }

  private static JsonArrayBuilder identifiers(
      List<String> cioIds, Map<String, PersonIdentifiers> known) {
    JsonArrayBuilder identifiers = Json.createArrayBuilder();
    for (String cioId : cioIds) {
      PersonIdentifiers person = known.get(cioId);
      JsonObjectBuilder one = Json.createObjectBuilder().add("cio_id", cioId);
      nullable(one, "id", person == null ? null : person.id());
      nullable(one, "email", person == null ? null : person.email());
      identifiers.add(one);
    }
    return identifiers;
  }

  private static void nullable(JsonObjectBuilder object, String name, String value) {
    if (value == null) {
      object.addNull(name);
    } else {
      object.add(name, value);
    }
  }
}
