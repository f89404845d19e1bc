package io.herald.inapp.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The in-app JavaScript SDK, {@code GET /sdk/herald-inapp.js}: {@code text/javascript}, cacheable
 * for an hour by anyone, with a strong ETag of its content (a conditional request answers 304).
 */
@Path("/sdk/herald-inapp.js")
@ApplicationScoped
public class SdkScriptResource {

  static final String TYPE = "text/javascript; charset=utf-8";

  static final String CACHE = "public, max-age=3600";

  private final byte[] script = load();

  private final EntityTag etag = new EntityTag(sha256(script).substring(0, 32));

  @GET
  public Response script(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (ifNoneMatch != null
        && (ifNoneMatch.contains("\"" + etag.getValue() + "\"") || ifNoneMatch.equals("*"))) {
      return Response.notModified(etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
    return Response.ok(script, TYPE)
        .tag(etag)
        .header(HttpHeaders.CACHE_CONTROL, CACHE)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static byte[] load() {
    try (InputStream in = SdkScriptResource.class.getResourceAsStream("herald-inapp.js")) {
      if (in == null) {
        throw new IllegalStateException("herald-inapp.js is missing from the module jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
