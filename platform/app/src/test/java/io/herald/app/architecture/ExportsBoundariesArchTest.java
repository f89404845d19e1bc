package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

class ExportsBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.exports";
  }

  @Test
  void peopleAndSegmentsNeverDependOnExports() {
    // Exports reads people and segments through their api packages; the reverse would be a cycle.
    noClasses()
        .that()
        .resideInAnyPackage("io.herald.people..", "io.herald.segments..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.exports..")
        .because("exports depends on the people and segments apis, never the other way")
        .check(HeraldClasses.ALL);
  }
}
