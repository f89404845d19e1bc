package io.herald.app.architecture;

class PluginHostBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.pluginhost";
  }
}
