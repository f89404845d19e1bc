package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionJsonFixtures.assertInvalid;
import static io.herald.segments.api.condition.ConditionJsonFixtures.doc;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Relationship, segment and device leaves: one rejection per rule with its path and reason. */
class OtherLeavesJsonTest {

  static Stream<Arguments> rejections() {
    return Stream.of(
        // relationship leaves
        Arguments.of(
            doc("{'relationship':{'object':[]}}"),
            "$.condition.relationship.object_type_id",
            "is required"),
        Arguments.of(
            doc("{'relationship':{'object_type_id':''}}"),
            "$.condition.relationship.object_type_id",
            "must not be empty"),
        Arguments.of(
            doc("{'relationship':{'object_type_id':'1','object':'x'}}"),
            "$.condition.relationship.object",
            "must be an array"),
        Arguments.of(
            doc("{'relationship':{'object_type_id':'1','relationship':[{'property':'r'}]}}"),
            "$.condition.relationship.relationship[0].operator",
            "is required"),
        // segment leaves
        Arguments.of(doc("{'segment':{}}"), "$.condition.segment.id", "is required"),
        Arguments.of(
            doc("{'segment':{'id':'12'}}"),
            "$.condition.segment.id",
            "must be a segment id (a number)"),
        Arguments.of(
            doc("{'segment':{'id':0}}"),
            "$.condition.segment.id",
            "must be a segment id (a positive number)"),
        Arguments.of(
            doc("{'segment':{'id':1,'name':'x'}}"),
            "$.condition.segment.name",
            "unknown field; expected one of: id"),
        // device leaves
        Arguments.of(
            doc("{'device':{'platform':'web'}}"),
            "$.condition.device.platform",
            "must be ios or android"),
        Arguments.of(
            doc("{'device':{'push_enabled':'true'}}"),
            "$.condition.device.push_enabled",
            "must be true or false"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void invalidLeavesNameThePathAndTheReason(String json, String path, String reason) {
    assertInvalid(json, path, reason);
  }
}
