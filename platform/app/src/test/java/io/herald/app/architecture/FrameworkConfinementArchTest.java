package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/** Framework types stay where they are adapted, so the engines remain swappable. */
class FrameworkConfinementArchTest {

  @Test
  void quartzOnlyInsideSchedulingInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.herald.scheduling.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.quartz..")
        .because("no org.quartz type appears outside the scheduling module (STYLE.md habit 11)")
        .check(HeraldClasses.ALL);
  }

  @Test
  void pf4jOnlyInThePluginHostAndThePluginApi() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.herald.pluginhost.internal..", "io.herald.plugin..", "io.herald.plugins..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.pf4j..")
        .check(HeraldClasses.ALL);
  }

  @Test
  void mariaDb4jNeverInTheWar() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.herald.embeddeddb..", "io.herald.launcher..", "io.herald.testing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ch.vorburger..")
        .check(HeraldClasses.ALL);
  }

  @Test
  void jsonFactoriesComeFromTheSharedProvider() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.herald.shared.json..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.json.Json")
        .because(
            "jakarta.json.Json looks its provider up with a ServiceLoader on every call; use"
                + " io.herald.shared.json.Jsons, which holds one provider")
        .check(HeraldClasses.ALL);
  }
}
