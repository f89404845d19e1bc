package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

class ObjectsBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.objects";
  }

  @Test
  void peopleDoNotDependOnObjects() {
    // Objects use the people api; the other direction would make a cycle.
    noClasses()
        .that()
        .resideInAPackage("io.herald.people..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.objects..")
        .because("objects build on people, never the reverse")
        .check(HeraldClasses.ALL);
  }
}
