package io.herald.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Payara Micro's {@code --rootDir}. It holds only derived state (domain.xml, the exploded WAR,
 * generated classes), and Payara records the deployed WAR in its domain.xml: started again on the
 * same root it would deploy the recorded copy and then {@code --deploy} it a second time, so the
 * node answered ready between the two and then 503 while redeploying. Recreated empty at every
 * start.
 */
final class PayaraWorkDirectory {

  private PayaraWorkDirectory() {}

  /** Deletes {@code root} with everything under it (if present) and creates it empty. */
  static Path recreate(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(root);
  }
}
