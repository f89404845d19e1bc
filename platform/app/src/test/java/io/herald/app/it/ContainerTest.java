package io.herald.app.it;

import io.herald.testing.RequiresTestDatabase;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the container tests: the built WAR deployed once per class on Payara Micro at {@code /},
 * skipped with the reason when the run's database is unavailable.
 */
@RequiresTestDatabase
@ExtendWith(ArquillianExtension.class)
public abstract class ContainerTest {

  /** The WAR Maven built (see {@link HeraldWar}). */
  @Deployment(testable = false)
  public static WebArchive deployment() {
    return HeraldWar.build();
  }

  /** The deployment's base URL. */
  @ArquillianResource protected URL base;

  /** A client for the deployment. */
  protected Http http() {
    return new Http(base);
  }
}
