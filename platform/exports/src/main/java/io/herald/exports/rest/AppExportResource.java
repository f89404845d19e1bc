package io.herald.exports.rest;

import io.herald.exports.api.DownloadLink;
import io.herald.exports.api.ExportNotFoundException;
import io.herald.exports.api.ExportNotReadyException;
import io.herald.exports.api.ExportService;
import io.herald.exports.api.ExportView;
import io.herald.exports.api.InvalidExportException;
import io.herald.exports.api.LinkCheck;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * App API customer exports ({@code /v1/exports}) in Customer.io's shapes. Every call needs the App
 * API key except {@code GET /v1/exports/{export_id}/file}, which, like Customer.io's S3 link, is
 * authorised by its signature alone (the authentication filter lets exactly that path through).
 */
@Path("/v1/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppExportResource {

  /** Largest create body: a 100-condition filter fits with room to spare. */
  static final int MAX_BODY_BYTES = 32 * 1024;

  @Inject ExportService exports;

  @Inject CurrentActor actor;

  @Context UriInfo uri;

  /**
   * Customer.io {@code POST /v1/exports/customers}: {@code {"filters":{…}}} (and optionally {@code
   * "attributes":[…]}) → 200 {@code {"export":{…,"status":"pending"}}}.
   */
  @POST
  @Path("/customers")
  @Consumes(MediaType.WILDCARD)
  public Response exportCustomers(InputStream body) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ExportJson.error(
          e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE : Status.BAD_REQUEST, e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return ExportJson.error(Status.BAD_REQUEST, "request body must be a JSON object");
    }
    try {
      CustomerExportRequest request = CustomerExportRequest.parse(value.asJsonObject());
      ExportView created =
          exports.exportCustomers(actor.workspaceId(), request.filter(), request.attributes());
      return envelope(created);
    } catch (InvalidExportException e) {
      return ExportJson.error(Status.BAD_REQUEST, String.join("; ", e.messages()));
    }
  }

  /** Customer.io {@code GET /v1/exports}: {@code {"exports":[…]}}, newest first. */
  @GET
  public Response list() {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    exports.list(actor.workspaceId()).forEach(e -> items.add(ExportJson.of(e)));
    return ExportJson.ok(Jsons.createObjectBuilder().add("exports", items).build());
  }

  /** Customer.io {@code GET /v1/exports/{export_id}}: {@code {"export":{…}}}; 404 when unknown. */
  @GET
  @Path("/{export_id}")
  public Response get(@PathParam("export_id") String exportId) {
    OptionalLong id = ExportJson.id(exportId);
    if (id.isEmpty()) {
      return notFound(exportId);
    }
    return exports
        .find(actor.workspaceId(), id.getAsLong())
        .map(this::envelope)
        .orElseGet(() -> notFound(exportId));
  }

  /**
   * Customer.io {@code GET /v1/exports/{export_id}/download}: {@code {"url":"…"}}, a link to the
   * CSV valid for 15 minutes. 404 for an unknown export; 409 while it is pending or when it failed.
   */
  @GET
  @Path("/{export_id}/download")
  public Response download(@PathParam("export_id") String exportId) {
    OptionalLong id = ExportJson.id(exportId);
    if (id.isEmpty()) {
      return notFound(exportId);
    }
    try {
      DownloadLink link = exports.downloadLink(actor.workspaceId(), id.getAsLong());
      String url =
          uri.getBaseUriBuilder()
              .path("v1/exports/{id}/file")
              .queryParam("expires", link.expires())
              .queryParam("signature", link.signature())
              .build(link.exportId())
              .toString();
      return ExportJson.ok(Jsons.createObjectBuilder().add("url", url).build());
    } catch (ExportNotFoundException e) {
      return notFound(exportId);
    } catch (ExportNotReadyException e) {
      return ExportJson.error(Status.CONFLICT, e.getMessage());
    }
  }

  /**
   * The file behind a download URL: {@code text/csv} as an attachment {@code customers-<id>.csv}.
   * No API key: the signature authorises it; a missing, altered or expired signature → 403 {@code
   * {"meta":{"error":…}}}.
   */
  @GET
  @Path("/{export_id}/file")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response file(
      @PathParam("export_id") String exportId,
      @QueryParam("expires") String expires,
      @QueryParam("signature") String signature) {
    OptionalLong id = ExportJson.id(exportId);
    LinkCheck check =
        id.isEmpty() ? LinkCheck.INVALID : exports.checkLink(id.getAsLong(), expires, signature);
    if (check == LinkCheck.EXPIRED) {
      return ExportJson.error(
          Status.FORBIDDEN, "the download link has expired; ask /download for a new one");
    }
    if (check != LinkCheck.VALID) {
      return ExportJson.error(Status.FORBIDDEN, "the download link's signature is not valid");
    }
    long exportNumber = id.getAsLong();
    StreamingOutput csv = out -> exports.writeCsv(exportNumber, out);
    return Response.ok(csv, "text/csv; charset=utf-8")
        .header(
            "Content-Disposition", "attachment; filename=\"customers-" + exportNumber + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private Response envelope(ExportView export) {
    return ExportJson.ok(Jsons.createObjectBuilder().add("export", ExportJson.of(export)).build());
  }

  private static Response notFound(String exportId) {
    return ExportJson.error(Status.NOT_FOUND, "no export " + exportId);
  }
}
