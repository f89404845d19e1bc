package io.herald.app.architecture;

class PeopleBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.people";
  }
}
