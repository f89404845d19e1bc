package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

class JourneysBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.journeys";
  }

  @Test
  void theModulesJourneysUseNeverDependOnIt() {
    // Journeys reads people, events, segments, messaging and objects through their apis; the
    // reverse would be a cycle.
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.herald.people..",
            "io.herald.events..",
            "io.herald.segments..",
            "io.herald.messaging..",
            "io.herald.objects..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.journeys..")
        .because("journeys depends on those modules' apis, never the other way")
        .check(HeraldClasses.ALL);
  }
}
