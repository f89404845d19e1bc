package io.herald.app.health;

import io.herald.app.startup.StartupState;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: start-up finished (migrations applied, bootstrap done) and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Resource(lookup = DataSources.TRANSACTIONAL)
  DataSource dataSource;

  @Inject StartupState state;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    state.databaseVendor().ifPresent(v -> response.withData("vendor", v));
    if (state.failure().isPresent()) {
      return response.down().withData("startup", state.failure().get()).build();
    }
    if (!state.ready()) {
      return response.down().withData("startup", "in progress").build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return response.status(valid).withData("migrations", "applied").build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
