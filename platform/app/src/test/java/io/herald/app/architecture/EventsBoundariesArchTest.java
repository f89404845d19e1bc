package io.herald.app.architecture;

class EventsBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.events";
  }
}
