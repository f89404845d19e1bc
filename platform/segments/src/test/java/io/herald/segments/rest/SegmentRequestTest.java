package io.herald.segments.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.SegmentType;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.DeviceCondition;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The create and update bodies of {@code /v1/segments}, and segment ids in paths. */
class SegmentRequestTest {

  private static final String IOS = "{'version':1,'condition':{'device':{'platform':'ios'}}}";

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static SegmentRequest.Parsed create(String text) {
    return SegmentRequest.create(json(text));
  }

  private static SegmentRequest.Parsed update(String text) {
    return SegmentRequest.update(json(text));
  }

  @Test
  void readsTheSdkBodyAsAManualSegment() {
    SegmentRequest request =
        create("{'segment':{'name':'SEGMENT_NAME','description':'DESCRIPTION'}}").request();
    assertThat(request.name()).isEqualTo("SEGMENT_NAME");
    assertThat(request.description()).isEqualTo("DESCRIPTION");
    assertThat(request.type()).isEqualTo(SegmentType.MANUAL);
    assertThat(request.conditions()).isNull();
    assertThat(create("{'segment':{'name':'N','type':'manual'}}").request().description()).isNull();
  }

  @Test
  void conditionsMakeADynamicSegment() {
    ConditionDocument ios = ConditionDocument.of(new DeviceCondition("ios", null));
    SegmentRequest typed =
        create("{'segment':{'name':'N','type':'dynamic','conditions':" + IOS + "}}").request();
    assertThat(typed.type()).isEqualTo(SegmentType.DATA);
    assertThat(typed.conditions()).isEqualTo(ios);
    SegmentRequest inferred = create("{'segment':{'name':'N','conditions':" + IOS + "}}").request();
    assertThat(inferred.type()).isEqualTo(SegmentType.DATA);
  }

  @Test
  void refusesWrongShapesAndTypes() {
    assertThat(create("[]").problems())
        .containsExactly("request body must be a JSON object: {\"segment\":{\"name\":…}}");
    assertThat(create("{}").problems())
        .containsExactly("segment is required: {\"segment\":{\"name\":…}}");
    assertThat(create("{'segment':'x'}").problems()).containsExactly("segment must be an object");
    assertThat(create("{'segment':{}}").problems()).containsExactly("segment.name is required");
    assertThat(create("{'segment':{'name':1,'description':[]}}").problems())
        .containsExactly("segment.name must be a string", "segment.description must be a string");
    assertThat(create("{'segment':{'name':'N','type':'smart'}}").problems())
        .containsExactly("segment.type must be manual or dynamic");
    assertThat(create("{'segment':{'name':'N','type':'dynamic'}}").problems())
        .containsExactly("segment.conditions is required for a dynamic segment");
    assertThat(
            create("{'segment':{'name':'N','type':'manual','conditions':" + IOS + "}}").problems())
        .containsExactly(
            "segment.conditions: a manual segment has no conditions (send type dynamic)");
  }

  @Test
  void anInvalidTreeIsNamedByItsPath() {
    assertThat(
            create(
                    "{'segment':{'name':'N','type':'dynamic','conditions':{'version':1,"
                        + "'condition':{'and':[{'device':{}},{'attribute':{'name':'a',"
                        + "'operator':'like','value':'x'}}]}}}}")
                .problems())
        .singleElement()
        .asString()
        .startsWith(
            "segment.conditions: $.condition.and[1].attribute.operator: unknown operator 'like'");
  }

  @Test
  void updatesChangeTheFieldsGiven() {
    SegmentRequest renamed = update("{'segment':{'name':'new'}}").request();
    assertThat(renamed.name()).isEqualTo("new");
    assertThat(renamed.descriptionGiven()).isFalse();
    assertThat(renamed.conditions()).isNull();
    SegmentRequest cleared = update("{'segment':{'description':null}}").request();
    assertThat(cleared.descriptionGiven()).isTrue();
    assertThat(cleared.description()).isNull();
    assertThat(cleared.name()).isNull();
    assertThat(
            update("{'segment':{'conditions':" + IOS + ",'type':'dynamic'}}")
                .request()
                .conditions())
        .isEqualTo(ConditionDocument.of(new DeviceCondition("ios", null)));
  }

  @Test
  void updatesRefuseEmptyChangesNullsAndTypeChanges() {
    assertThat(update("{'segment':{}}").problems())
        .containsExactly("segment must have name, description or conditions to change");
    assertThat(update("{'segment':{'name':null}}").problems())
        .containsExactly("segment.name is required");
    assertThat(update("{'segment':{'conditions':null}}").problems())
        .containsExactly("segment.conditions must not be null: a dynamic segment needs conditions");
    assertThat(update("{'segment':{'name':'n','type':'manual'}}").problems())
        .containsExactly("segment.type must be dynamic: a segment's type cannot change");
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
