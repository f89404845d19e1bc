package io.herald.app.startup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the {@code herald-migrations} SQL with Flyway on the non-transactional datasource. */
@ApplicationScoped
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /** Migrates and returns the database product name and version. */
  String migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    String version = flyway.info().current().getVersion().getVersion();
    LOG.info(
        () ->
            "database schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable after migration", e);
    }
  }
}
