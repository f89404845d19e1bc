package io.herald.app.startup;

import io.herald.shared.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that encrypts secrets at rest: {@code HERALD_SECRET_KEY} (base64 of 32 bytes) when set,
 * else {@code secret.key} in the data directory, generated on first start. Nodes of one cluster
 * must share the key: set {@code HERALD_SECRET_KEY} on all of them.
 */
@ApplicationScoped
public class SecretKeys {

  static final String FILE = "secret.key";
  private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

  @Inject
  @ConfigProperty(name = "herald.secret-key")
  Optional<String> configured;

  @Inject DataDirectory dataDirectory;

  private volatile SecretCipher cipher;

  /** Loads or creates the key; fails start-up when a configured key is malformed. */
  void ensure() {
    cipher();
  }

  /**
   * The cipher, for injection. Dependent-scoped: {@link SecretCipher} is final, so a normal-scoped
   * producer could not be proxied (Weld refuses the injection point); this bean caches the one
   * instance.
   */
  @Produces
  SecretCipher cipher() {
    SecretCipher current = cipher;
    if (current == null) {
      current = SecretCipher.fromBase64Key(loadKey());
      cipher = current;
    }
    return current;
  }

  private String loadKey() {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return configured.get();
    }
    Path file = dataDirectory.path().resolve(FILE);
    if (dataDirectory.writePrivateFile(FILE, SecretCipher.generateBase64Key())) {
      LOG.info(
          () ->
              "generated a secret key in "
                  + file
                  + " (set HERALD_SECRET_KEY to share one across nodes)");
    }
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
