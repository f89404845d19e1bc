package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionJsonFixtures.assertInvalid;
import static io.herald.segments.api.condition.ConditionJsonFixtures.doc;
import static io.herald.segments.api.condition.ConditionJsonFixtures.event;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event and engagement leaves (their counts, windows and property filters): one rejection per rule.
 */
class ActivityLeafJsonTest {

  static Stream<Arguments> rejections() {
    return Stream.of(
        // event leaves
        Arguments.of(doc("{'event':{}}"), "$.condition.event.name", "is required"),
        Arguments.of(
            doc("{'event':{'name':'e','at':1}}"),
            "$.condition.event.at",
            "unknown field; expected one of: count, name, performed, where, within"),
        Arguments.of(
            event("'performed':'yes'"), "$.condition.event.performed", "must be true or false"),
        Arguments.of(event("'count':3"), "$.condition.event.count", "must be an object"),
        Arguments.of(
            event("'count':{}"),
            "$.condition.event.count",
            "must have exactly one of at_least, at_most, exactly"),
        Arguments.of(
            event("'count':{'at_least':1,'at_most':3}"),
            "$.condition.event.count",
            "must have exactly one of at_least, at_most, exactly"),
        Arguments.of(
            event("'count':{'more_than':1}"),
            "$.condition.event.count.more_than",
            "unknown field; expected one of: at_least, at_most, exactly"),
        Arguments.of(
            event("'count':{'exactly':-1}"),
            "$.condition.event.count.exactly",
            "must be from 0 to 2147483647"),
        Arguments.of(
            event("'count':{'at_most':2.5}"),
            "$.condition.event.count.at_most",
            "must be a whole number"),
        Arguments.of(
            event("'count':{'at_most':null}"), "$.condition.event.count.at_most", "is required"),
        Arguments.of(
            event("'within':{'last':7,'unit':'days','from':'2026-01-01T00:00:00Z'}"),
            "$.condition.event.within",
            "give last and unit, or from and to, not both"),
        Arguments.of(
            event("'within':{}"),
            "$.condition.event.within",
            "must have last and unit, or from and to (leave within out for ever)"),
        Arguments.of(
            event("'within':{'last':7,'unit':'weeks'}"),
            "$.condition.event.within.unit",
            "must be minutes, hours or days"),
        Arguments.of(event("'within':{'last':7}"), "$.condition.event.within.unit", "is required"),
        Arguments.of(
            event("'within':{'last':0,'unit':'hours'}"),
            "$.condition.event.within.last",
            "must be from 1 to 876600 hours"),
        Arguments.of(
            event("'within':{'last':36526,'unit':'days'}"),
            "$.condition.event.within.last",
            "must be from 1 to 36525 days"),
        Arguments.of(
            event("'within':{'last':'7','unit':'days'}"),
            "$.condition.event.within.last",
            "must be a whole number"),
        Arguments.of(
            event("'within':{'from':'yesterday','to':'2026-01-01T00:00:00Z'}"),
            "$.condition.event.within.from",
            "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"),
        Arguments.of(
            event("'within':{'from':'2026-01-01T00:00:00Z'}"),
            "$.condition.event.within.to",
            "is required"),
        Arguments.of(
            event("'within':{'from':'2026-01-02T00:00:00Z','to':'2026-01-01T00:00:00Z'}"),
            "$.condition.event.within.to",
            "must be after from"),
        Arguments.of(event("'where':{}"), "$.condition.event.where", "must be an array"),
        Arguments.of(
            event("'where':[{'property':'p','operator':'exists'},{'operator':'exists'}]"),
            "$.condition.event.where[1].property",
            "is required"),
        Arguments.of(
            event("'where':[{'property':'p','operator':'equals','value':'x','name':'n'}]"),
            "$.condition.event.where[0].name",
            "unknown field; expected one of: operator, property, timezone, value"),
        Arguments.of(
            event("'where':[{'property':'p','operator':'greater_than','value':'x'}]"),
            "$.condition.event.where[0].value",
            "must be a number"),
        // engagement leaves
        Arguments.of(
            doc("{'engagement':{'metric':'bounced'}}"),
            "$.condition.engagement.metric",
            "unknown metric 'bounced'; expected one of: received, opened, clicked, converted,"
                + " unsubscribed"),
        Arguments.of(doc("{'engagement':{}}"), "$.condition.engagement.metric", "is required"),
        Arguments.of(
            doc("{'engagement':{'metric':'opened','message_id':'1','campaign_id':'2'}}"),
            "$.condition.engagement.campaign_id",
            "name a message_id or a campaign_id, not both"),
        Arguments.of(
            doc("{'engagement':{'metric':'opened','message_id':true}}"),
            "$.condition.engagement.message_id",
            "must be a string or a whole number"),
        Arguments.of(
            doc("{'engagement':{'metric':'opened','within':{'last':1,'unit':'years'}}}"),
            "$.condition.engagement.within.unit",
            "must be minutes, hours or days"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void invalidLeavesNameThePathAndTheReason(String json, String path, String reason) {
    assertInvalid(json, path, reason);
  }
}
