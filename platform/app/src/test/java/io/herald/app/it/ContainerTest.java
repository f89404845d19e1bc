package io.herald.app.it;

import io.herald.testing.RequiresTestDatabase;
import java.net.MalformedURLException;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the container tests: they run against the built WAR on Payara Micro at {@code /}, one
 * boot per failsafe run shared by every class ({@link HeraldSuiteDeployment}), and are skipped with
 * the reason when the run's database is unavailable.
 */
@RequiresTestDatabase
@ExtendWith(ArquillianExtension.class)
public abstract class ContainerTest {

  /**
   * The URL Arquillian reports. Payara Micro names the host by whichever interface it picked (seen:
   * {@code http://192.0.2.2:8141} without a trailing slash), so tests use {@link #base} instead.
   */
  @ArquillianResource private URL deployed;

  /** The deployment's base URL on the loopback interface, always ending with '/'. */
  protected URL base;

  @BeforeEach
  protected final void normaliseBase() throws MalformedURLException {
    base = loopback(deployed);
  }

  /** {@code url} on 127.0.0.1 (Payara Micro listens on every interface), ending with '/'. */
  static URL loopback(URL url) throws MalformedURLException {
    String path = url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
    return new URL(url.getProtocol(), "127.0.0.1", url.getPort(), path);
  }

  /** A client for the deployment. */
  protected Http http() {
    return new Http(base);
  }
}
