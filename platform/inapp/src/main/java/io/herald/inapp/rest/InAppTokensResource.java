package io.herald.inapp.rest;

import io.herald.inapp.api.SdkTokens;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/inapp/tokens} (App API key, Herald's own call): the customer's backend asks for a
 * person's in-app SDK token, {@code {"identifiers":{"id":"42"}}} (or {@code email}, {@code cio_id})
 * → {@code {"token":"…","expires_at":…,"cio_id":"…"}}, and hands it to its page.
 */
@Path("/v1/inapp/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InAppTokensResource {

  static final int MAX_BODY_BYTES = 4 * 1024;

  @Inject SdkTokens tokens;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response issue(InputStream body) {
    try {
      JsonObject json = SdkJson.object(body, MAX_BODY_BYTES);
      JsonValue identifiers = json.get("identifiers");
      if (identifiers == null) {
        return ApiErrors.app(Status.BAD_REQUEST, "identifiers is required");
      }
      if (identifiers.getValueType() != JsonValue.ValueType.OBJECT) {
        return ApiErrors.app(Status.BAD_REQUEST, "identifiers must be an object");
      }
      List<String> problems = new ArrayList<>();
      Optional<PersonRef> ref =
          PersonRef.fromIdentifiers(identifiers.asJsonObject(), "identifiers", problems);
      if (ref.isEmpty() || !problems.isEmpty()) {
        return ApiErrors.app(Status.BAD_REQUEST, String.join("; ", problems));
      }
      Optional<PersonView> person = people.find(actor.workspaceId(), ref.get());
      if (person.isEmpty()) {
        return ApiErrors.app(Status.NOT_FOUND, "person not found");
      }
      SdkTokens.IssuedToken token = tokens.issue(actor.workspaceId(), person.get().cioId());
      return SdkJson.ok(
          Jsons.createObjectBuilder()
              .add("token", token.token())
              .add("expires_at", token.expiresAt().getEpochSecond())
              .add("cio_id", person.get().cioId())
              .build());
    } catch (SdkJson.Refused e) {
      return e.response();
    }
  }
}
