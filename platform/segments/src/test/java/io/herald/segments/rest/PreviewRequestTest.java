package io.herald.segments.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.DeviceCondition;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The body of {@code POST /v1/segments/preview}. */
class PreviewRequestTest {

  private static final String IOS = "{'version':1,'condition':{'device':{'platform':'ios'}}}";

  private static PreviewRequest.Parsed parse(String text) {
    JsonValue body = Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    return PreviewRequest.parse(body);
  }

  @Test
  void readsConditionsAndSample() {
    PreviewRequest request = parse("{'conditions':" + IOS + ",'sample':3}").request();
    assertThat(request.conditions())
        .isEqualTo(ConditionDocument.of(new DeviceCondition("ios", null)));
    assertThat(request.sample()).isEqualTo(3);
    assertThat(parse("{'conditions':" + IOS + "}").request().sample()).isEqualTo(10);
    assertThat(parse("{'conditions':" + IOS + ",'sample':0}").request().sample()).isZero();
    assertThat(parse("{'conditions':" + IOS + ",'sample':100}").request().sample()).isEqualTo(100);
  }

  @Test
  void refusesMissingConditionsBadSamplesAndInvalidTrees() {
    assertThat(parse("[]").problems())
        .containsExactly("request body must be a JSON object: {\"conditions\":{…},\"sample\":10}");
    assertThat(parse("{}").problems()).containsExactly("conditions is required");
    assertThat(parse("{'conditions':" + IOS + ",'sample':101}").problems())
        .containsExactly("sample must be a whole number from 0 to 100");
    assertThat(parse("{'conditions':" + IOS + ",'sample':'5'}").problems())
        .containsExactly("sample must be a whole number from 0 to 100");
    assertThat(parse("{'conditions':" + IOS + ",'sample':-1}").problems())
        .containsExactly("sample must be a whole number from 0 to 100");
    assertThat(
            parse("{'conditions':{'version':1,'condition':{'device':{'platform':'web'}}}}")
                .problems())
        .containsExactly("conditions: $.condition.device.platform: must be ios or android");
  }
}
