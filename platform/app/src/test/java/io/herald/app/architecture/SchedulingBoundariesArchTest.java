package io.herald.app.architecture;

class SchedulingBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.scheduling";
  }
}
