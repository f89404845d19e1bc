package io.herald.objects.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

class AttributeLimitsTest {

  @Test
  void namesValuesAndCountsAreLimitedWithTheFieldNamed() {
    assertThat(
            AttributeLimits.checkChanges(Json.object("{'plan':'pro','gone':null}"), "attributes"))
        .isEmpty();
    assertThat(
            AttributeLimits.checkChanges(
                Json.object("{'" + "n".repeat(151) + "':1}"), "attributes"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("attribute name is 151 bytes"));
    assertThat(
            AttributeLimits.checkChanges(
                Json.object("{'bio':'" + "é".repeat(501) + "'}"), "attributes"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo("attributes.bio: value is 1002 bytes; the limit is 1000"));
    // Arrays and objects count their JSON text; removals are never too large.
    assertThat(
            AttributeLimits.checkChanges(
                Json.object("{'tags':['" + "t".repeat(997) + "'],'x':''}"), "a"))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("a.tags"));
    JsonObjectBuilder many = jakarta.json.Json.createObjectBuilder();
    for (int i = 0; i < 301; i++) {
      many.add("a" + i, i);
    }
    assertThat(AttributeLimits.checkChanges(many.build(), "attributes"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo("attributes: 301 attributes in one call; the limit is 300"));
    assertThat(AttributeLimits.checkChanges(Json.object("{' ':1}"), "attributes"))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("must not be empty"));
  }

  @Test
  void wholeDocumentsAreLimitedTo100Kb() {
    JsonObjectBuilder big = jakarta.json.Json.createObjectBuilder();
    for (int i = 0; i < 110; i++) {
      big.add("k" + i, "v".repeat(990));
    }
    assertThat(AttributeLimits.checkDocument(big.build(), "attributes"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("the limit is 102400 (100 KB)"));
    assertThat(AttributeLimits.isRemoval(Json.value("null"))).isTrue();
    assertThat(AttributeLimits.isRemoval(Json.value("''"))).isTrue();
    assertThat(AttributeLimits.isRemoval(Json.value("0"))).isFalse();
  }
}
