package io.herald.app.architecture;

class WorkspaceBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.workspace";
  }
}
