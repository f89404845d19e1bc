package io.herald.segments.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CreateSegmentRequestTest {

  private static CreateSegmentRequest.Parsed parse(String text) {
    JsonValue body = Json.createReader(new StringReader(text)).readValue();
    return CreateSegmentRequest.parse(body);
  }

  @Test
  void readsTheSdkBody() {
    CreateSegmentRequest request =
        parse("{\"segment\":{\"name\":\"SEGMENT_NAME\",\"description\":\"DESCRIPTION\"}}")
            .request();
    assertThat(request.name()).isEqualTo("SEGMENT_NAME");
    assertThat(request.description()).isEqualTo("DESCRIPTION");
    assertThat(parse("{\"segment\":{\"name\":\"N\",\"type\":\"manual\"}}").request().description())
        .isNull();
  }

  @Test
  void refusesWrongShapesTypesAndDataDrivenSegments() {
    assertThat(parse("[]").problems())
        .containsExactly("request body must be a JSON object: {\"segment\":{\"name\":…}}");
    assertThat(parse("{}").problems())
        .containsExactly("segment is required: {\"segment\":{\"name\":…}}");
    assertThat(parse("{\"segment\":\"x\"}").problems())
        .containsExactly("segment must be an object");
    assertThat(parse("{\"segment\":{}}").problems()).containsExactly("segment.name is required");
    assertThat(parse("{\"segment\":{\"name\":1,\"description\":[]}}").problems())
        .containsExactly("segment.name must be a string", "segment.description must be a string");
    assertThat(parse("{\"segment\":{\"name\":\"N\",\"type\":\"dynamic\"}}").problems())
        .containsExactly(
            "segment.type must be manual: data-driven segments cannot be created through the API");
  }

  @Test
  void segmentIdsArePositiveIntegers() {
    assertThat(SegmentIds.parse("7")).isEqualTo(OptionalLong.of(7));
    assertThat(SegmentIds.parse("0")).isEmpty();
    assertThat(SegmentIds.parse("-3")).isEmpty();
    assertThat(SegmentIds.parse("SEGMENT_ID")).isEmpty();
    assertThat(SegmentIds.parse("9".repeat(19))).isEmpty();
    assertThat(SegmentIds.parse(null)).isEmpty();
  }
}
