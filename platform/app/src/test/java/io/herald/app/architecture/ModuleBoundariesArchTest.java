package io.herald.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one boundary rule, written once (Artemis pattern): no class outside a module depends on it
 * except through its {@code api} package. Each module adds a subclass naming its root package.
 */
abstract class ModuleBoundariesArchTest {

  /** The module's root package, for example {@code io.herald.people}. */
  abstract String modulePackage();

  @Test
  void otherModulesUseOnlyItsApi() {
    String module = modulePackage();
    noClasses()
        .that()
        .resideOutsideOfPackage(module + "..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(module + "..").and(not(resideInAPackage(module + ".api.."))))
        .because("modules talk through their api packages only (STYLE.md habit 1)")
        .check(HeraldClasses.ALL);
  }

  @Test
  void moduleIsOnTheClassPath() {
    // Without the module's classes the boundary rule above would pass vacuously.
    assertThat(
            HeraldClasses.ALL.stream()
                .anyMatch(c -> c.getPackageName().startsWith(modulePackage())))
        .as(modulePackage() + " classes imported")
        .isTrue();
  }
}
