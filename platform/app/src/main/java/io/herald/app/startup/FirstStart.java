package io.herald.app.startup;

import io.herald.workspace.api.BootstrapRequest;
import io.herald.workspace.api.BootstrapResult;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the very first start, creates the default workspace with one credential of each API family and
 * the admin user, taking {@code HERALD_BOOTSTRAP_*} values where set. Prints them once and writes
 * them to {@value #FILE} ({@code 0600}) in the data directory. Later starts do nothing.
 */
@ApplicationScoped
public class FirstStart {

  static final String FILE = "bootstrap-credentials.txt";
  private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

  @Inject WorkspaceService workspaces;

  @Inject DataDirectory dataDirectory;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.site-id")
  Optional<String> siteId;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.track-api-key")
  Optional<String> trackApiKey;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.app-api-key")
  Optional<String> appApiKey;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.write-key")
  Optional<String> writeKey;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.admin-email")
  Optional<String> adminEmail;

  @Inject
  @ConfigProperty(name = "herald.bootstrap.admin-password")
  Optional<String> adminPassword;

  /**
   * Bootstraps the installation if nobody has.
   *
   * @return what this start created, empty when the installation existed already
   */
  Optional<BootstrapResult> run() {
    Optional<BootstrapResult> created;
    try {
      created =
          workspaces.bootstrap(
              new BootstrapRequest(
                  siteId, trackApiKey, appApiKey, writeKey, adminEmail, adminPassword));
    } catch (IllegalArgumentException e) {
      throw e; // a malformed HERALD_BOOTSTRAP_* value: fail start-up with its message
    } catch (RuntimeException e) {
      if (workspaces.defaultWorkspace().isPresent()) {
        LOG.info("another node bootstrapped the installation first");
        return Optional.empty();
      }
      throw e;
    }
    created.ifPresent(this::announce);
    return created;
  }

  private void announce(BootstrapResult result) {
    String text = CredentialsBanner.render(result);
    boolean written = dataDirectory.writePrivateFile(FILE, text);
    String where =
        written
            ? "Also written to " + dataDirectory.path().resolve(FILE) + " (mode 0600)."
            : "A previous " + FILE + " was left unchanged.";
    // Printed once, on purpose: these are the only whole copies of the secrets.
    System.out.println(text + where + System.lineSeparator());
  }
}
