package io.herald.app.architecture;

class AppBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.app";
  }
}
