package io.herald.webadmin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends {@code /admin} and {@code /admin/} to the dashboard. A welcome file cannot do it: the
 * prefix mapping {@code /admin/*} hands {@code /admin/} to the FacesServlet before welcome files
 * are consulted. Mapped in {@code META-INF/web-fragment.xml}.
 */
public class ConsoleEntryFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.sendRedirect(request.getContextPath() + ConsolePaths.DASHBOARD);
  }
}
