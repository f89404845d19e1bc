package io.herald.app.architecture;

class WebAdminBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.webadmin";
  }
}
