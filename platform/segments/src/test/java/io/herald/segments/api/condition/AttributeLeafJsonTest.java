package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionJsonFixtures.ATTRIBUTE_FIELDS;
import static io.herald.segments.api.condition.ConditionJsonFixtures.OPERATORS;
import static io.herald.segments.api.condition.ConditionJsonFixtures.assertInvalid;
import static io.herald.segments.api.condition.ConditionJsonFixtures.attr;
import static io.herald.segments.api.condition.ConditionJsonFixtures.doc;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Attribute leaves: every operator's rules, one rejection per rule with its path and reason. */
class AttributeLeafJsonTest {

  static Stream<Arguments> rejections() {
    String thousandAndOne =
        IntStream.range(0, 1001).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
    return Stream.of(
        // attribute leaves
        Arguments.of(doc("{'attribute':[]}"), "$.condition.attribute", "must be an object"),
        Arguments.of(
            doc("{'attribute':{'name':'a','operator':'exists','op':1}}"),
            "$.condition.attribute.op",
            "unknown field; expected one of: " + ATTRIBUTE_FIELDS),
        Arguments.of(
            doc("{'attribute':{'operator':'exists'}}"),
            "$.condition.attribute.name",
            "is required"),
        Arguments.of(
            doc("{'attribute':{'name':'','operator':'exists'}}"),
            "$.condition.attribute.name",
            "must not be empty"),
        Arguments.of(
            doc("{'attribute':{'name':7,'operator':'exists'}}"),
            "$.condition.attribute.name",
            "must be a string"),
        Arguments.of(
            doc("{'attribute':{'name':'" + "n".repeat(256) + "','operator':'exists'}}"),
            "$.condition.attribute.name",
            "is longer than 255 characters"),
        Arguments.of(attr("'value':'x'"), "$.condition.attribute.operator", "is required"),
        Arguments.of(
            doc(
                "{'and':[{'segment':{'id':1}},{'segment':{'id':2}},"
                    + "{'attribute':{'name':'a','operator':'like','value':'x'}}]}"),
            "$.condition.and[2].attribute.operator",
            "unknown operator 'like'; expected one of: " + OPERATORS),
        Arguments.of(attr("'operator':1"), "$.condition.attribute.operator", "must be a string"),
        Arguments.of(attr("'operator':'equals'"), "$.condition.attribute.value", "is required"),
        Arguments.of(
            attr("'operator':'equals','value':null"), "$.condition.attribute.value", "is required"),
        Arguments.of(
            attr("'operator':'contains','value':{'a':1}"),
            "$.condition.attribute.value",
            "must be text (a string, number or boolean)"),
        Arguments.of(
            attr("'operator':'starts_with','value':['a']"),
            "$.condition.attribute.value",
            "must be text (a string, number or boolean)"),
        Arguments.of(
            attr("'operator':'exists','value':null"),
            "$.condition.attribute.value",
            "exists takes no value"),
        Arguments.of(
            attr("'operator':'not_exists','value':'x'"),
            "$.condition.attribute.value",
            "not_exists takes no value"),
        Arguments.of(
            attr("'operator':'greater_than','value':'10'"),
            "$.condition.attribute.value",
            "must be a number"),
        Arguments.of(
            attr("'operator':'less_than','value':1e40"),
            "$.condition.attribute.value",
            "is out of range: at most 35 digits before the decimal point and 30 after it"),
        Arguments.of(
            attr("'operator':'less_than','value':1e-31"),
            "$.condition.attribute.value",
            "is out of range: at most 35 digits before the decimal point and 30 after it"),
        Arguments.of(
            attr("'operator':'in_list','value':'a'"),
            "$.condition.attribute.value",
            "must be an array of texts"),
        Arguments.of(
            attr("'operator':'in_list','value':[]"),
            "$.condition.attribute.value",
            "must have 1 to 1000 values; it has 0"),
        Arguments.of(
            attr("'operator':'in_list','value':[" + thousandAndOne + "]"),
            "$.condition.attribute.value",
            "must have 1 to 1000 values; it has 1001"),
        Arguments.of(
            attr("'operator':'in_list','value':['a',null]"),
            "$.condition.attribute.value[1]",
            "must be text (a string, number or boolean)"),
        Arguments.of(
            attr("'operator':'within_last_days','value':-1"),
            "$.condition.attribute.value",
            "must be a whole number of days from 0 to 36525"),
        Arguments.of(
            attr("'operator':'within_next_days','value':1.5"),
            "$.condition.attribute.value",
            "must be a whole number of days from 0 to 36525"),
        Arguments.of(
            attr("'operator':'within_next_days','value':36526"),
            "$.condition.attribute.value",
            "must be a whole number of days from 0 to 36525"),
        Arguments.of(
            attr("'operator':'within_last_days','value':'7'"),
            "$.condition.attribute.value",
            "must be a whole number of days from 0 to 36525"),
        Arguments.of(
            attr("'operator':'before','value':'2026-13-01'"),
            "$.condition.attribute.value",
            "must be Unix seconds (a number) or a date YYYY-MM-DD"),
        Arguments.of(
            attr("'operator':'after','value':'2026-01-01T00:00:00Z'"),
            "$.condition.attribute.value",
            "must be Unix seconds (a number) or a date YYYY-MM-DD"),
        Arguments.of(
            attr("'operator':'after','value':true"),
            "$.condition.attribute.value",
            "must be Unix seconds (a number) or a date YYYY-MM-DD"),
        Arguments.of(
            attr("'operator':'before','value':1e12"),
            "$.condition.attribute.value",
            "must be Unix seconds between years 1 and 9999, or a date YYYY-MM-DD"),
        Arguments.of(
            attr("'operator':'before','value':0.0000000001"),
            "$.condition.attribute.value",
            "must be Unix seconds between years 1 and 9999, or a date YYYY-MM-DD"),
        Arguments.of(
            attr("'operator':'regex','value':'(a'"),
            "$.condition.attribute.value",
            "is not a valid regular expression: Unclosed group"),
        Arguments.of(
            attr("'operator':'regex','value':'" + "a".repeat(1001) + "'"),
            "$.condition.attribute.value",
            "is longer than 1000 characters"),
        Arguments.of(
            attr("'operator':'regex','value':5"),
            "$.condition.attribute.value",
            "must be a regular expression (a string)"),
        Arguments.of(
            attr("'operator':'before','value':0,'timezone':'utc'"),
            "$.condition.attribute.timezone",
            "must be workspace or person"),
        Arguments.of(
            attr("'operator':'before','value':0,'timezone':1"),
            "$.condition.attribute.timezone",
            "must be a string"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void invalidLeavesNameThePathAndTheReason(String json, String path, String reason) {
    assertInvalid(json, path, reason);
  }
}
