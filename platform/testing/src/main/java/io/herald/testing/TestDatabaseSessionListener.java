package io.herald.testing;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Provides the database of a container-test run before any test class starts, so Arquillian can put
 * it on Payara Micro's command line. Active only when the system property {@code
 * herald.test.database} is set (failsafe sets it):
 *
 * <ul>
 *   <li>{@code embedded}: a fresh schema on the server of {@code HERALD_DB_URL} when that is set,
 *       else on the embedded MariaDB started under {@code herald.test.work-dir};
 *   <li>{@code external}: a fresh schema on the MariaDB/MySQL at 127.0.0.1:3306; when it is not
 *       reachable the run is skipped (see {@link #SKIP_PROPERTY}) with the reason printed.
 * </ul>
 *
 * The database is published as {@code herald.it.db.url}, {@code herald.it.db.user} and {@code
 * herald.it.db.password}, and dropped (or stopped) when the session ends.
 */
public final class TestDatabaseSessionListener implements LauncherSessionListener {

  /** Set to the reason when the external database is not reachable. */
  public static final String SKIP_PROPERTY = "herald.it.db.skip-reason";

  /** The system property with the run database's JDBC URL. */
  public static final String URL_PROPERTY = "herald.it.db.url";

  /** The system property with the run database's user. */
  public static final String USER_PROPERTY = "herald.it.db.user";

  /** The system property with the run database's password. */
  public static final String PASSWORD_PROPERTY = "herald.it.db.password";

  private TestDatabase database;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String mode = System.getProperty("herald.test.database");
    if (mode == null || database != null) {
      return;
    }
    Optional<TestDatabase> chosen =
        switch (mode) {
          case "embedded" ->
              Optional.of(
                  TestDatabases.fromHeraldDbUrl()
                      .orElseGet(() -> TestDatabases.embedded(workDir().resolve("mariadb"))));
          case "external" -> TestDatabases.externalIfReachable();
          default -> throw new IllegalArgumentException("herald.test.database: " + mode);
        };
    if (chosen.isEmpty()) {
      System.setProperty(SKIP_PROPERTY, "no external MariaDB/MySQL reachable at 127.0.0.1:3306");
      // Arquillian still expands the placeholders: give them harmless values.
      publish("jdbc:mysql://127.0.0.1:1/unreachable", "none", "none");
      return;
    }
    database = chosen.get();
    System.out.println("[herald-test] database for this run: " + database.description());
    publish(database.jdbcUrl(), database.user(), database.password());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  private static void publish(String url, String user, String password) {
    System.setProperty(URL_PROPERTY, url);
    System.setProperty(USER_PROPERTY, user);
    System.setProperty(PASSWORD_PROPERTY, password);
  }

  private static Path workDir() {
    return Path.of(System.getProperty("herald.test.work-dir", "target/herald-test"));
  }
}
