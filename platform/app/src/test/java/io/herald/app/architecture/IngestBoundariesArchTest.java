package io.herald.app.architecture;

class IngestBoundariesArchTest extends ModuleBoundariesArchTest {

  @Override
  String modulePackage() {
    return "io.herald.ingest";
  }
}
