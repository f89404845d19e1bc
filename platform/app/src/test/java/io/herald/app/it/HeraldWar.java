package io.herald.app.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven built, deployed unchanged (no hand-listed classes). */
public final class HeraldWar {

  private HeraldWar() {}

  /**
   * The built {@code herald.war}, for {@code @Deployment(testable = false)}, named {@code ROOT.war}
   * so Payara Micro deploys it at context root {@code /} as the launcher does: the official clients
   * address Herald at the host root, and there Herald's own {@code /health} and {@code /openapi}
   * replace Payara's.
   */
  public static WebArchive build() {
    File war = new File(ItConfig.require("herald.it.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }
}
