package io.herald.exports.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.exports.api.AudienceFilter.All;
import io.herald.exports.api.AudienceFilter.Any;
import io.herald.exports.api.AudienceFilter.Attribute;
import io.herald.exports.api.AudienceFilter.Not;
import io.herald.exports.api.AudienceFilter.Operator;
import io.herald.exports.api.AudienceFilter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceFilterTest {

  private static AudienceFilter parse(String json) {
    return AudienceFilter.parse(Json.value(json), "filters");
  }

  @Test
  void parsesTheCustomerIoDocumentationExample() {
    AudienceFilter filter =
        parse(
            "{'and':[{'segment':{'id':3}},{'or':["
                + "{'attribute':{'field':'interest','operator':'eq','value':'roadrunners'}},"
                + "{'attribute':{'field':'state','operator':'eq','value':'NM'}},"
                + "{'not':{'attribute':{'field':'species','operator':'eq','value':'roadrunners'}}}"
                + "]}]}");
    assertThat(filter)
        .isEqualTo(
            new All(
                List.of(
                    new Segment(3),
                    new Any(
                        List.of(
                            new Attribute("interest", Operator.EQ, "roadrunners"),
                            new Attribute("state", Operator.EQ, "NM"),
                            new Not(new Attribute("species", Operator.EQ, "roadrunners")))))));
    assertThat(filter.segmentIds()).containsExactly(3L);
    assertThat(filter.describe())
        .isEqualTo(
            "(in segment 3 and (interest eq \"roadrunners\" or state eq \"NM\""
                + " or not species eq \"roadrunners\"))");
  }

  @Test
  void leavesStandAloneAndValuesOfEveryScalarTypeBecomeText() {
    assertThat(parse("{'attribute':{'field':'email','operator':'exists'}}"))
        .isEqualTo(new Attribute("email", Operator.EXISTS, null));
    assertThat(parse("{'attribute':{'field':'id','operator':'eq','value':42}}"))
        .isEqualTo(new Attribute("id", Operator.EQ, "42"));
    assertThat(parse("{'attribute':{'field':'vip','operator':'eq','value':true}}"))
        .isEqualTo(new Attribute("vip", Operator.EQ, "true"));
    assertThat(parse("{'attribute':{'field':'a','operator':'exists','value':'ignored'}}"))
        .isEqualTo(new Attribute("a", Operator.EXISTS, null));
    assertThat(parse("{'segment':{'id':'12'}}")).isEqualTo(new Segment(12));
    assertThat(parse("{'not':{'segment':{'id':5}}}").segmentIds()).containsExactly(5L);
  }

  @Test
  void theJsonFormParsesBackToAnEqualFilter() {
    AudienceFilter filter =
        parse(
            "{'or':[{'and':[{'segment':{'id':7}},"
                + "{'attribute':{'field':'plan','operator':'eq','value':'pro'}}]},"
                + "{'not':{'attribute':{'field':'email','operator':'exists'}}}]}");
    assertThat(AudienceFilter.parse(filter.toJson(), "filters")).isEqualTo(filter);
    assertThat(filter.toJson().toString())
        .isEqualTo(
            "{\"or\":[{\"and\":[{\"segment\":{\"id\":7}},{\"attribute\":{\"field\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"pro\"}}]},{\"not\":{\"attribute\":"
                + "{\"field\":\"email\",\"operator\":\"exists\"}}}]}");
  }

  @Test
  void refusesUnsupportedOperatorsKeysAndShapesNamingEach() {
    assertThatThrownBy(
            () ->
                parse(
                    "{'and':[{'attribute':{'field':'a','operator':'gt','value':'1'}},"
                        + "{'attribute':{'field':'b','operator':'eq'}},"
                        + "{'object_attribute':{'field':'c','operator':'exists'}},"
                        + "{'segment':{'id':0}},"
                        + "{'segment':{'id':1,'name':'x'}},"
                        + "{'attribute':{'field':'','operator':'exists','type':'x'}},"
                        + "{'attribute':{'field':'d','operator':'eq','value':null}},"
                        + "{'attribute':{'field':'e','operator':'eq','value':[1]}},"
                        + "{'attribute':{'field':'f','operator':5}}]}"))
        .isInstanceOfSatisfying(
            InvalidExportException.class,
            e ->
                assertThat(e.messages())
                    .as(String.join("\n", e.messages()))
                    .containsExactly(
                        "filters.and[0].attribute.operator: \"gt\" is not supported; use eq or"
                            + " exists",
                        "filters.and[1].attribute.value: is required with eq",
                        "filters.and[2].object_attribute: is not supported in a customer export"
                            + " filter; use and, or, not, attribute, segment",
                        "filters.and[3].segment.id: must be a positive whole number",
                        "filters.and[4].segment.name: is not known; use id",
                        "filters.and[5].attribute.type: is not known; use field, operator, value",
                        "filters.and[5].attribute.field: must be a non-empty string",
                        "filters.and[6].attribute.value: must not be null; use exists in a not",
                        "filters.and[7].attribute.value: must be a string, number or boolean",
                        "filters.and[8].attribute.operator: must be \"eq\" or \"exists\""));
    assertThatThrownBy(() -> parse("{'and':[]}"))
        .hasMessage("filters.and: must be a non-empty array of filters");
    assertThatThrownBy(() -> parse("{'or':{'segment':{'id':1}}}"))
        .hasMessage("filters.or: must be a non-empty array of filters");
    assertThatThrownBy(() -> parse("{'and':[],'or':[]}"))
        .hasMessage(
            "filters: must be an object with exactly one of and, or, not, attribute, segment");
    assertThatThrownBy(() -> parse("[]")).hasMessageStartingWith("filters: must be an object");
    assertThatThrownBy(() -> parse("{}")).hasMessageStartingWith("filters: must be an object");
    assertThatThrownBy(() -> parse("{'segment':3}"))
        .hasMessage("filters.segment: must be an object with id");
    assertThatThrownBy(
            () -> parse("{'attribute':{'field':'" + "x".repeat(151) + "','operator':'exists'}}"))
        .hasMessage("filters.attribute.field: is 151 bytes; the limit is 150");
  }

  @Test
  void limitsDepthAndSize() {
    String deep = "{'not':".repeat(9) + "{'segment':{'id':1}}" + "}".repeat(9);
    assertThatThrownBy(() -> parse(deep)).hasMessageContaining("is nested deeper than 8 levels");
    String wide =
        "{'or':["
            + "{'attribute':{'field':'a','operator':'exists'}},".repeat(100)
            + "{'segment':{'id':1}}]}";
    assertThatThrownBy(() -> parse(wide))
        .hasMessage("filters: has 101 conditions; the limit is 100");
  }
}
