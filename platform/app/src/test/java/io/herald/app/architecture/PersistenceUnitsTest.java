package io.herald.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.PersistenceUnits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every module's persistence unit reads generated ids without leaking statements. With
 * EclipseLink's default on MySQL ({@code getGeneratedKeys}) each insert of an entity with a
 * database-generated id left its statement open on the pooled connection
 * (eclipse-ee4j/eclipselink#2366; the people module's {@code InsertStatementsIT} shows the leak).
 */
class PersistenceUnitsTest {

  @Test
  void everyModulesUnitReadsGeneratedIdsWithoutGetGeneratedKeys() {
    Map<String, Map<String, String>> units = PersistenceUnits.all();
    assertThat(units.keySet())
        .as("the modules' units on the application's classpath")
        .contains("people", "objects", "segments", "workspace", "exports");
    units.forEach(
        (name, properties) ->
            assertThat(properties.get("eclipselink.target-database-properties"))
                .as("unit %s: eclipselink.target-database-properties", name)
                .isEqualTo("supportsReturnGeneratedKeys=false"));
  }
}
