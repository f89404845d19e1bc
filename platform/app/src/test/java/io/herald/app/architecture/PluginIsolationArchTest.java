package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/** Plugins see only the plugin API (and PF4J); the platform sees plugins only through it. */
class PluginIsolationArchTest {

  @Test
  void pluginsDependOnlyOnThePluginApiPf4jAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("io.herald.plugins..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.herald.plugins..", "io.herald.plugin.api..", "org.pf4j..", "java..")
        .because("plugins compile against plugin-api only (STYLE.md habit 6)")
        .check(HeraldClasses.ALL);
  }

  @Test
  void thePluginApiDependsOnNothingOfTheHost() {
    classes()
        .that()
        .resideInAPackage("io.herald.plugin.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.herald.plugin.api..", "org.pf4j..", "java..")
        .check(HeraldClasses.ALL);
  }

  @Test
  void thePlatformNeverReachesIntoAPlugin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.herald.plugins..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.plugins..")
        .check(HeraldClasses.ALL);
  }
}
