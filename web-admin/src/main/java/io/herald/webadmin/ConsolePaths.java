package io.herald.webadmin;

/** Where the console lives: the FacesServlet is mapped to {@code /admin/*} (see README). */
public final class ConsolePaths {

  /** The servlet path prefix every console URL starts with, below the context root. */
  public static final String PREFIX = "/admin";

  /** The login page, open to anonymous callers. */
  public static final String LOGIN = PREFIX + "/login.xhtml";

  /** Where {@code /admin/} and a login without a saved request land. */
  public static final String DASHBOARD = PREFIX + "/dashboard.xhtml";

  private ConsolePaths() {}
}
