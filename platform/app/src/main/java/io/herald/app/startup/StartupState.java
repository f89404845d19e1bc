package io.herald.app.startup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** How far start-up got; read by the readiness check. */
@ApplicationScoped
public class StartupState {

  private volatile String databaseVendor;
  private volatile boolean started;
  private volatile boolean webModuleStarted;
  private volatile String failure;

  void migrated(String vendor) {
    databaseVendor = vendor;
  }

  void started() {
    started = true;
  }

  void webModuleStarted() {
    webModuleStarted = true;
  }

  void failed(Throwable error) {
    failure = error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  /** Whether migrations ran, the start sequence completed and the web module serves requests. */
  public boolean ready() {
    return started && webModuleStarted && failure == null;
  }

  /** The database product once migrations ran. */
  public Optional<String> databaseVendor() {
    return Optional.ofNullable(databaseVendor);
  }

  /** Why start-up failed, if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }
}
