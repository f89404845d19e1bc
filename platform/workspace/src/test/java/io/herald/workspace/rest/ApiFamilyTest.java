package io.herald.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiFamilyTest {

  @ParameterizedTest
  @CsvSource({
    "api/v1/customers/42, TRACK",
    "/api/v2/batch, TRACK",
    "api/v1, TRACK",
    "v1/customers/42/attributes, APP",
    "v1/plugins, APP",
    "api/app/v1/customers, APP",
    "v1/identify, PIPELINES",
    "v1/batch, PIPELINES",
    "/v1/track, PIPELINES",
    "v1/alias, PIPELINES",
    "v1/batches, APP",
    "v1/exports, APP",
    "v1/exports/customers, APP",
    "v1/exports/7, APP",
    "v1/exports/7/download, APP",
    "v1/exports/7/file/extra, APP",
    "v1/exports/7/files, APP",
    "v1/exports//file, APP",
    "v1/exports/7/8/file, APP",
    "v1/exports/file, APP",
    "api/app/v1/exports/7/file, APP",
    "v1/webhooks/journeys, APP",
    "v1/webhooks/journeys/, APP",
    "v1/webhooks/journeys/tok/extra, APP",
    "v1/webhooks/other/tok, APP",
  })
  void pathsMapToTheirFamily(String path, ApiFamily family) {
    assertThat(ApiFamily.of(path)).contains(family);
  }

  @ParameterizedTest
  @CsvSource({
    "admin/index.xhtml",
    "health/ready",
    "unsubscribe/abc",
    "callbacks/AbC_-123",
    "/callbacks/AbC_-123/fbl",
    "api/v3/x",
    "v10/x",
    "''",
    "v1/exports/7/file",
    "/v1/exports/7/file",
    "v1/exports/openapi-probe/file",
    "v1/webhooks/journeys/hjw_abc-DEF_123",
    "/v1/webhooks/journeys/hjw_abc"
  })
  void otherPathsNeedNoApiCredential(String path) {
    assertThat(ApiFamily.of(path)).isEmpty();
  }
}
