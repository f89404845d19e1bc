package io.herald.app.it;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every container test of a failsafe run shares: the suite extension (named in
 * {@code arquillian.xml}) boots Payara Micro with it before the first {@link ContainerTest} class
 * and stops it after the last, instead of one boot per class (STACK-NOTES pitfall 10). Tests
 * therefore share the node and its database: each works on people, segments and settings of its
 * own.
 */
@ArquillianSuiteDeployment
public final class HeraldSuiteDeployment {

  private HeraldSuiteDeployment() {}

  /** The WAR Maven built (see {@link HeraldWar}). */
  @Deployment(testable = false)
  public static WebArchive deployment() {
    return HeraldWar.build();
  }
}
