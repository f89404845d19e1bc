package io.herald.webadmin.security;

import io.herald.webadmin.ConsolePaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps console pages for signed-in users ({@link SignedIn} in the session). The login page and
 * Faces resources are open; {@code /admin/WEB-INF/} (templates) is never served. Anyone else is
 * sent to the login page: a page load by a redirect (a GET remembers its URL, where the login
 * returns), an ajax request (an expired session) by the partial response's redirect, which the
 * Faces script follows. Mapped to {@code /admin/*} in {@code META-INF/web-fragment.xml}.
 *
 * <p>A servlet filter, not Jakarta Security: a Jakarta Security mechanism in the WAR makes the
 * container run its authentication bridge on every request of every path, the Track and Pipelines
 * APIs included (14% of the HTTP threads' CPU samples under single Track calls, bench/ingest).
 */
public class ConsoleAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The session attribute holding the URL to return to after the login. */
  static final String CONTINUE_ATTRIBUTE = "io.herald.webadmin.continue";

  private static final String RESOURCES = ConsolePaths.PREFIX + "/jakarta.faces.resource/";
  private static final String TEMPLATES = ConsolePaths.PREFIX + "/WEB-INF/";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // The container's decoded, normalised path, as it maps the request: never the raw URI, where
    // "/admin/jakarta.faces.resource/../dashboard.xhtml" starts like an open path.
    String info = request.getPathInfo();
    String path = request.getServletPath() + (info == null ? "" : info);
    if (path.startsWith(TEMPLATES)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (open(path) || SignedIn.of(request).isPresent()) {
      chain.doFilter(request, response);
      return;
    }
    String login = request.getContextPath() + ConsolePaths.LOGIN;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + login.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                  + "\"/></partial-response>");
      return;
    }
    if ("GET".equals(request.getMethod())) {
      String query = request.getQueryString();
      request
          .getSession()
          .setAttribute(
              CONTINUE_ATTRIBUTE, request.getRequestURI() + (query == null ? "" : "?" + query));
    }
    response.sendRedirect(login);
  }

  private static boolean open(String path) {
    return path.equals(ConsolePaths.LOGIN) || path.startsWith(RESOURCES);
  }
}
