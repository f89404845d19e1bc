package io.herald.app.startup;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Records that the web module (JAX-RS, console) has started. Payara serves {@code /health} from its
 * own context, so without this the node could report ready while requests to Herald's paths still
 * fail during the last moments of deployment.
 */
@WebListener
public class WebModuleListener implements ServletContextListener {

  @Inject StartupState state;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    state.webModuleStarted();
  }
}
