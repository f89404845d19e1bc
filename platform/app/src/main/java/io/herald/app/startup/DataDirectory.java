package io.herald.app.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node's data directory ({@code herald.data-dir}, env {@code HERALD_DATA_DIR}). */
@ApplicationScoped
public class DataDirectory {

  @Inject
  @ConfigProperty(name = "herald.data-dir", defaultValue = "./data")
  String dataDir;

  /** The directory, created when missing. */
  Path path() {
    Path path = Path.of(dataDir).toAbsolutePath().normalize();
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + path, e);
    }
    return path;
  }

  /**
   * Writes {@code content} to a new file readable by the owner only ({@code 0600}), created with
   * those permissions so it is never readable by others, not even briefly.
   *
   * @return false when the file already exists (it is left unchanged)
   */
  boolean writePrivateFile(String name, String content) {
    Path file = path().resolve(name);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
    try {
      Files.writeString(
          file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
