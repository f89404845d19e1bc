package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiTest {

  @Test
  void versionIsThePomVersion() {
    String pomVersion = System.getProperty("herald.test.pom-version");

    assertThat(pomVersion).as("surefire passes the POM version").isNotBlank();
    assertThat(PluginApi.VERSION).isEqualTo(pomVersion).isEqualTo("1.4.0");
  }

  @Test
  void versionIsPlainSemVer() {
    assertThat(PluginApi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
  }
}
