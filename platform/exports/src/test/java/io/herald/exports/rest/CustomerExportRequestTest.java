package io.herald.exports.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.exports.api.AudienceFilter;
import io.herald.exports.api.InvalidExportException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerExportRequestTest {

  private static JsonObject body(String json) {
    try (var reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  @Test
  void readsWhatCustomerioNodeSendsAndOptionalColumns() {
    CustomerExportRequest request =
        CustomerExportRequest.parse(body("{'filters':{'and':[{'segment':{'id':7}}]}}"));
    assertThat(request.filter())
        .isEqualTo(new AudienceFilter.All(List.of(new AudienceFilter.Segment(7))));
    assertThat(request.attributes()).isEmpty();
    assertThat(
            CustomerExportRequest.parse(
                    body("{'filters':{'segment':{'id':7}},'attributes':['plan','email']}"))
                .attributes())
        .contains(List.of("plan", "email"));
    assertThat(
            CustomerExportRequest.parse(body("{'filters':{'segment':{'id':7}},'attributes':null}"))
                .attributes())
        .isEqualTo(Optional.empty());
  }

  @Test
  void namesEveryProblem() {
    assertThatThrownBy(() -> CustomerExportRequest.parse(body("{}")))
        .hasMessage("filters: is required");
    assertThatThrownBy(
            () ->
                CustomerExportRequest.parse(
                    body("{'filter':{},'filters':'x','attributes':['a',1]}")))
        .isInstanceOfSatisfying(
            InvalidExportException.class,
            e ->
                assertThat(e.messages())
                    .containsExactly(
                        "filter: is not known; use filters and attributes",
                        "filters: must be an object with exactly one of and, or, not, attribute,"
                            + " segment",
                        "attributes[1]: must be a string"));
    assertThatThrownBy(
            () ->
                CustomerExportRequest.parse(
                    body("{'filters':{'segment':{'id':7}},'attributes':'plan'}")))
        .hasMessage("attributes: must be an array of attribute names");
  }
}
