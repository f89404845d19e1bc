package io.herald.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.objects.api.ObjectFilter.All;
import io.herald.objects.api.ObjectFilter.Any;
import io.herald.objects.api.ObjectFilter.Condition;
import io.herald.objects.api.ObjectFilter.Not;
import io.herald.objects.api.ObjectFilter.Operator;
import org.junit.jupiter.api.Test;

class ObjectFilterTest {

  @Test
  void parsesAndOrNotAndConditions() {
    ObjectFilter filter =
        ObjectFilter.parse(
            Json.value(
                "{'and':[{'object_attribute':{'field':'name','operator':'exists','type_id':'1'}},"
                    + "{'or':[{'object_attribute':{'field':'plan','operator':'eq','value':'pro'}},"
                    + "{'attribute':{'field':'seats','operator':'eq','value':5}}]},"
                    + "{'not':{'object_attribute':{'field':'cancelled','operator':'eq',"
                    + "'value':true,'type_id':1}}}]}"),
            "filter",
            "1");
    assertThat(filter)
        .isEqualTo(
            new All(
                java.util.List.of(
                    new Condition("name", Operator.EXISTS, null),
                    new Any(
                        java.util.List.of(
                            new Condition("plan", Operator.EQ, "pro"),
                            new Condition("seats", Operator.EQ, "5"))),
                    new Not(new Condition("cancelled", Operator.EQ, "true")))));
    assertThat(
            ObjectFilter.parse(
                Json.value("{'object_attribute':{'field':'a','operator':'exists'}}"),
                "filter",
                "1"))
        .isEqualTo(new Condition("a", Operator.EXISTS, null));
  }

  @Test
  void refusesOtherOperatorsAndShapesNamingThem() {
    assertThatThrownBy(
            () ->
                ObjectFilter.parse(
                    Json.value(
                        "{'and':[{'object_attribute':{'field':'a','operator':'gt','value':'1'}},"
                            + "{'object_attribute':{'field':'b','operator':'eq'}},"
                            + "{'segment':{'id':1}},"
                            + "{'object_attribute':{'field':'c','operator':'exists','type_id':'2'}},"
                            + "{'object_attribute':{'field':'','operator':'exists','mode':1}}]}"),
                    "filter",
                    "1"))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .as(String.join("\n", e.messages()))
                    .containsExactly(
                        "filter.and[0].object_attribute.operator: \"gt\" is not supported; use eq"
                            + " or exists",
                        "filter.and[1].object_attribute.value: is required with eq",
                        "filter.and[2].segment: is not supported in an object filter; use and, or,"
                            + " not, object_attribute",
                        "filter.and[3].object_attribute.type_id: must equal object_type_id 1",
                        "filter.and[4].object_attribute.mode: is not known; use field, operator,"
                            + " value, type_id",
                        "filter.and[4].object_attribute.field: must be a non-empty string"));
    assertThatThrownBy(() -> ObjectFilter.parse(Json.value("{'and':[]}"), "filter", "1"))
        .hasMessage("filter.and: must be a non-empty array of filters");
    assertThatThrownBy(() -> ObjectFilter.parse(Json.value("{'and':[],'or':[]}"), "filter", "1"))
        .hasMessageStartingWith("filter: must be an object with exactly one of");
  }

  @Test
  void limitsDepthAndSize() {
    String deep =
        "{'not':".repeat(9)
            + "{'object_attribute':{'field':'a','operator':'exists'}}"
            + "}".repeat(9);
    assertThatThrownBy(() -> ObjectFilter.parse(Json.value(deep), "filter", "1"))
        .hasMessageContaining("is nested deeper than 8 levels");
    String wide =
        "{'or':["
            + "{'object_attribute':{'field':'a','operator':'exists'}},".repeat(100)
            + "{'object_attribute':{'field':'a','operator':'exists'}}]}";
    assertThatThrownBy(() -> ObjectFilter.parse(Json.value(wide), "filter", "1"))
        .hasMessage("filter: has 101 conditions; the limit is 100");
  }
}
