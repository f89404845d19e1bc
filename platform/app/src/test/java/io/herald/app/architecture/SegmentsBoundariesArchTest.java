package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

class SegmentsBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.segments";
  }

  @Test
  void peopleNeverDependsOnSegments() {
    // Segments reads people through io.herald.people.api and follows its events; the reverse
    // would make the two modules a cycle.
    noClasses()
        .that()
        .resideInAPackage("io.herald.people..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.segments..")
        .because("segments depends on people's api, never the other way")
        .check(HeraldClasses.ALL);
  }
}
