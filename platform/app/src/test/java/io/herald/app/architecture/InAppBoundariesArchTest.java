package io.herald.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

class InAppBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.inapp";
  }

  @Test
  void messagingAndPeopleNeverDependOnInApp() {
    // In-app is messaging's IN_APP provider through messaging's api (HostChannelProvider);
    // messaging
    // finds it as a CDI bean and never names it.
    noClasses()
        .that()
        .resideInAnyPackage("io.herald.messaging..", "io.herald.people..", "io.herald.workspace..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.herald.inapp..")
        .because("inapp depends on the messaging, people and workspace apis, never the reverse")
        .check(HeraldClasses.ALL);
  }
}
