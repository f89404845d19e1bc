package io.herald.app.architecture;

class PipelinesBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.pipelines";
  }
}
