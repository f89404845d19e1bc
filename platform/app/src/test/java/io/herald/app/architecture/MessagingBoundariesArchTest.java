package io.herald.app.architecture;

class MessagingBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.messaging";
  }
}
