package io.herald.inapp.rest;

import io.herald.inapp.api.SdkOrigins;
import io.herald.inapp.internal.InAppSettings;
import io.herald.inapp.internal.SiteDirectory;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * CORS for the SDK paths only ({@code /sdk/…}): browsers on the customer's site call them from
 * another origin. Allowed origins are the workspace's (App API {@code PUT /v1/inapp/settings}; the
 * workspace is the one of the site id in the {@code X-Herald-Site-Id} header or the {@code site_id}
 * query parameter, which the SDK adds so preflights carry it too), else the node's {@code
 * herald.inapp.allowed-origins} ({@code *} by default; the SDK sends no cookies, its token is a
 * header). A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered 204
 * here, before resource matching.
 */
@Provider
@PreMatching
public class SdkCors implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOWED_HEADERS = "Authorization, Content-Type, " + SdkCaller.SITE_HEADER;

  @Inject InAppSettings settings;

  @Inject SiteDirectory sites;

  @Inject SdkOrigins origins;

  @Override
  public void filter(ContainerRequestContext request) {
    if (sdkPath(request)
        && "OPTIONS".equals(request.getMethod())
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      request.abortWith(Response.noContent().build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!sdkPath(request)) {
      return;
    }
    String origin = request.getHeaderString("Origin");
    MultivaluedMap<String, Object> headers = response.getHeaders();
    List<String> allowed = allowed(request);
    if (allowed.contains("*")) {
      headers.putSingle("Access-Control-Allow-Origin", "*");
    } else {
      headers.add("Vary", "Origin");
      if (origin == null || !allowed.contains(origin)) {
        return;
      }
      headers.putSingle("Access-Control-Allow-Origin", origin);
    }
    if ("OPTIONS".equals(request.getMethod())) {
      headers.putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      headers.putSingle("Access-Control-Max-Age", "600");
    }
  }

  /** The site's workspace's origins, else the node default. */
  private List<String> allowed(ContainerRequestContext request) {
    String site = request.getHeaderString(SdkCaller.SITE_HEADER);
    if (site == null) {
      site = request.getUriInfo().getQueryParameters().getFirst("site_id");
    }
    return sites.workspaceOf(site).map(origins::allowed).orElseGet(settings::allowedOrigins);
  }

  private static boolean sdkPath(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.startsWith("sdk/");
  }
}
