package io.herald.app.startup;

import io.herald.workspace.api.BootstrapResult;

/** The first-start credentials, as printed and as written to the data directory. */
final class CredentialsBanner {

  private CredentialsBanner() {}

  static String render(BootstrapResult r) {
    String nl = System.lineSeparator();
    return String.join(
        nl,
        "",
        "================ Herald: first start ================",
        "Workspace:            " + r.workspace().name(),
        "Track API site id:    " + r.siteId(),
        "Track API key:        " + r.trackApiKey(),
        "App API key (Bearer): " + r.appApiKey(),
        "Pipelines write key:  " + r.writeKey(),
        "Admin console login:  " + r.adminEmail(),
        "Admin password:       " + r.adminPassword(),
        "These secrets are shown once and stored only as hashes.",
        "=====================================================",
        "");
  }
}
