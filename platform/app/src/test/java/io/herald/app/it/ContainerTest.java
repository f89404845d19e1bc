package io.herald.app.it;

import io.herald.testing.RequiresTestDatabase;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the container tests: they run against the built WAR on Payara Micro at {@code /}, one
 * boot per failsafe run shared by every class ({@link HeraldSuiteDeployment}), and are skipped with
 * the reason when the run's database is unavailable.
 */
@RequiresTestDatabase
@ExtendWith(ArquillianExtension.class)
public abstract class ContainerTest {

  /** The deployment's base URL. */
  @ArquillianResource protected URL base;

  /** A client for the deployment. */
  protected Http http() {
    return new Http(base);
  }
}
