package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionJsonFixtures.NODE_TYPES;
import static io.herald.segments.api.condition.ConditionJsonFixtures.assertInvalid;
import static io.herald.segments.api.condition.ConditionJsonFixtures.doc;
import static io.herald.segments.api.condition.ConditionJsonFixtures.json;
import static io.herald.segments.api.condition.ConditionJsonFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The condition JSON format: every node, operator, count and window both ways; the document's and
 * the groups' rules. Each leaf family's rules have their own test: {@link AttributeLeafJsonTest},
 * {@link ActivityLeafJsonTest}, {@link OtherLeavesJsonTest}.
 */
class ConditionJsonTest {

  private static Match m(Operator operator, Operand operand) {
    return Match.of(operator, operand);
  }

  // ---- round trips: model -> JSON -> model ----

  static Stream<Condition> everyLeafAndGroup() {
    List<Condition> all = new ArrayList<>();
    for (Operator op : Operator.values()) {
      for (Operand operand : operandsOf(op)) {
        for (ZoneChoice zone : ZoneChoice.values()) {
          all.add(new AttributeCondition("plan", new Match(op, operand, zone)));
        }
      }
    }
    for (Count.Comparison c : Count.Comparison.values()) {
      for (Window w : windows()) {
        for (boolean performed : new boolean[] {true, false}) {
          all.add(new EventCondition("login", performed, new Count(c, 3), w, List.of()));
        }
      }
    }
    all.add(
        new EventCondition(
            "purchase",
            true,
            new Count(Count.Comparison.EXACTLY, 0),
            new Window.Ever(),
            List.of(
                new PropertyMatch("total", m(Operator.GREATER_THAN, num("9.99"))),
                new PropertyMatch(
                    "at",
                    new Match(
                        Operator.WITHIN_LAST_DAYS, new Operand.Days(3), ZoneChoice.PERSON)))));
    for (EngagementCondition.Metric metric : EngagementCondition.Metric.values()) {
      all.add(new EngagementCondition(metric, null, null, Count.atLeastOnce(), new Window.Ever()));
    }
    all.add(
        new EngagementCondition(
            EngagementCondition.Metric.OPENED,
            "m-12",
            null,
            new Count(Count.Comparison.AT_MOST, 2),
            new Window.Last(30, ChronoUnit.DAYS)));
    all.add(
        new EngagementCondition(
            EngagementCondition.Metric.CLICKED,
            null,
            "7",
            Count.atLeastOnce(),
            new Window.Between(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))));
    all.add(new RelationshipCondition("1", List.of(), List.of()));
    all.add(
        new RelationshipCondition(
            "2",
            List.of(new PropertyMatch("industry", m(Operator.EQUALS, new Operand.Text("retail")))),
            List.of(new PropertyMatch("role", m(Operator.EXISTS, new Operand.None())))));
    all.add(new SegmentCondition(12));
    all.add(new DeviceCondition(null, null));
    all.add(new DeviceCondition("ios", null));
    all.add(new DeviceCondition(null, false));
    all.add(new DeviceCondition("android", true));
    List<Condition> leaves = List.copyOf(all);
    all.add(new All(List.of()));
    all.add(new Any(List.of()));
    all.add(new All(leaves));
    all.add(new Any(leaves));
    all.add(new Not(new Any(List.of(new All(leaves.subList(0, 5)), new Not(leaves.get(7))))));
    return all.stream();
  }

  private static List<Operand> operandsOf(Operator op) {
    if (op.operandType() == Operand.None.class) {
      return List.of(new Operand.None());
    }
    if (op.operandType() == Operand.Text.class) {
      return List.of(new Operand.Text("pro"), new Operand.Text(""), new Operand.Text("^a.*z$"));
    }
    if (op.operandType() == Operand.Number.class) {
      return List.of(num("42"), num("-4.50"), num("0"), num("1E+3"));
    }
    if (op.operandType() == Operand.TextList.class) {
      return List.of(new Operand.TextList(List.of("a")), new Operand.TextList(List.of("a", "2")));
    }
    if (op.operandType() == Operand.Days.class) {
      return List.of(new Operand.Days(0), new Operand.Days(7), new Operand.Days(36_525));
    }
    // before / after
    return List.of(
        new Operand.Moment(Instant.ofEpochSecond(1_767_225_600L)),
        new Operand.Moment(Instant.ofEpochSecond(1_767_225_600L, 500_000_000)),
        new Operand.Moment(Instant.ofEpochSecond(-86_400)),
        new Operand.Day(LocalDate.of(2026, 2, 28)));
  }

  private static List<Window> windows() {
    return List.of(
        new Window.Ever(),
        new Window.Last(15, ChronoUnit.MINUTES),
        new Window.Last(1, ChronoUnit.HOURS),
        new Window.Last(7, ChronoUnit.DAYS),
        new Window.Between(
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.001Z")));
  }

  private static Operand.Number num(String value) {
    return new Operand.Number(new BigDecimal(value));
  }

  @ParameterizedTest
  @MethodSource("everyLeafAndGroup")
  void everyNodeRoundTrips(Condition condition) {
    ConditionDocument doc = ConditionDocument.of(condition);
    var written = ConditionJson.toJson(doc);
    assertThat(ConditionJson.parse(written)).isEqualTo(doc);
    // and the written form is stable: writing what was read gives the same JSON text
    assertThat(ConditionJson.toJson(ConditionJson.parse(written)).toString())
        .isEqualTo(written.toString());
    // through text too, as a client would send it back
    assertThat(ConditionJson.parse(json(written.toString().replace('"', '\'')))).isEqualTo(doc);
  }

  @Test
  void theCanonicalFormIsWrittenExactly() {
    String canonical =
        doc(
            "{'and':[{'attribute':{'name':'plan','operator':'equals','value':'pro'}},"
                + "{'attribute':{'name':'signed_up','operator':'before','value':'2026-01-31',"
                + "'timezone':'person'}},"
                + "{'attribute':{'name':'age','operator':'greater_than','value':21.5}},"
                + "{'attribute':{'name':'email','operator':'exists'}},"
                + "{'not':{'segment':{'id':12}}},"
                + "{'or':[{'event':{'name':'login','performed':true,'count':{'at_least':3},"
                + "'within':{'last':7,'unit':'days'},"
                + "'where':[{'property':'os','operator':'in_list','value':['ios','android']}]}},"
                + "{'engagement':{'metric':'opened','message_id':'m1','count':{'exactly':0},"
                + "'within':{'from':'2026-01-01T00:00:00Z','to':'2026-02-01T00:00:00Z'}}},"
                + "{'relationship':{'object_type_id':'1','object':[{'property':'plan',"
                + "'operator':'starts_with','value':'ent'}],'relationship':[]}},"
                + "{'device':{'platform':'ios','push_enabled':true}}]}]}");
    ConditionDocument parsed = parse(canonical);
    assertThat(ConditionJson.toJson(parsed).toString()).isEqualTo(canonical.replace('\'', '"'));
    All root = (All) parsed.root();
    assertThat(root.conditions().get(0))
        .isEqualTo(new AttributeCondition("plan", m(Operator.EQUALS, new Operand.Text("pro"))));
    assertThat(root.conditions().get(1))
        .isEqualTo(
            new AttributeCondition(
                "signed_up",
                new Match(
                    Operator.BEFORE,
                    new Operand.Day(LocalDate.of(2026, 1, 31)),
                    ZoneChoice.PERSON)));
    assertThat(root.conditions().get(4)).isEqualTo(new Not(new SegmentCondition(12)));
  }

  @Test
  void optionalPartsTakeTheirDefaults() {
    assertThat(parse(doc("{'event':{'name':'login'}}")).root())
        .isEqualTo(
            new EventCondition("login", true, Count.atLeastOnce(), new Window.Ever(), List.of()));
    assertThat(parse(doc("{'engagement':{'metric':'received','message_id':null}}")).root())
        .isEqualTo(
            new EngagementCondition(
                EngagementCondition.Metric.RECEIVED,
                null,
                null,
                Count.atLeastOnce(),
                new Window.Ever()));
    assertThat(parse(doc("{'relationship':{'object_type_id':3}}")).root())
        .isEqualTo(new RelationshipCondition("3", List.of(), List.of()));
    assertThat(parse(doc("{'device':{'platform':null}}")).root())
        .isEqualTo(new DeviceCondition(null, null));
    assertThat(parse(doc("{'attribute':{'name':'a','operator':'after','value':0}}")).root())
        .isEqualTo(
            new AttributeCondition("a", m(Operator.AFTER, new Operand.Moment(Instant.EPOCH))));
  }

  @Test
  void textOperatorsTakeNumbersAndBooleansAsTheirJsonText() {
    assertThat(parse(doc("{'attribute':{'name':'a','operator':'equals','value':42}}")).root())
        .isEqualTo(new AttributeCondition("a", m(Operator.EQUALS, new Operand.Text("42"))));
    assertThat(parse(doc("{'attribute':{'name':'a','operator':'contains','value':4.5}}")).root())
        .isEqualTo(new AttributeCondition("a", m(Operator.CONTAINS, new Operand.Text("4.5"))));
    assertThat(parse(doc("{'attribute':{'name':'a','operator':'not_equals','value':true}}")).root())
        .isEqualTo(new AttributeCondition("a", m(Operator.NOT_EQUALS, new Operand.Text("true"))));
    assertThat(
            parse(doc("{'attribute':{'name':'a','operator':'in_list','value':['x',7,false]}}"))
                .root())
        .isEqualTo(
            new AttributeCondition(
                "a", m(Operator.IN_LIST, new Operand.TextList(List.of("x", "7", "false")))));
  }

  @Test
  void wholeNumbersMayBeWrittenWithAZeroFraction() {
    assertThat(parse("{'version':1.0,'condition':{'segment':{'id':12.0}}}").root())
        .isEqualTo(new SegmentCondition(12));
  }

  @Test
  void objectTypesAndIdsGivenAsNumbersAreReadAsText() {
    assertThat(parse(doc("{'engagement':{'metric':'clicked','campaign_id':7}}")).root())
        .isEqualTo(
            new EngagementCondition(
                EngagementCondition.Metric.CLICKED,
                null,
                "7",
                Count.atLeastOnce(),
                new Window.Ever()));
  }

  @Test
  void windowsAcceptInstantsWithAnOffset() {
    EventCondition event =
        (EventCondition)
            parse(
                    doc(
                        "{'event':{'name':'e','within':{'from':'2026-01-01T01:00:00+01:00',"
                            + "'to':'2026-01-02T00:00:00Z'}}}"))
                .root();
    assertThat(event.window())
        .isEqualTo(
            new Window.Between(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));
  }

  // ---- depth ----

  private static String nested(String group, int depth) {
    String node = "{'segment':{'id':1}}";
    for (int i = 1; i < depth; i++) {
      node = group.equals("not") ? "{'not':" + node + "}" : "{'" + group + "':[" + node + "]}";
    }
    return node;
  }

  @Test
  void twentyLevelsAreAcceptedAndTwentyOneAreNot() {
    assertThat(parse(doc(nested("not", 20))).root()).isInstanceOf(Not.class);
    assertThat(parse(doc(nested("and", 20))).root()).isInstanceOf(All.class);
    assertInvalid(
        doc(nested("not", 21)),
        "$.condition" + ".not".repeat(20),
        "the tree is deeper than 20 levels (the limit)");
    assertInvalid(
        doc(nested("or", 21)),
        "$.condition" + ".or[0]".repeat(20),
        "the tree is deeper than 20 levels (the limit)");
  }

  @Test
  void aVeryDeepTreeFailsAtLevelTwentyOneWithoutRecursingFurther() {
    assertInvalid(
        doc(nested("and", 300)),
        "$.condition" + ".and[0]".repeat(20),
        "the tree is deeper than 20 levels (the limit)");
  }

  // ---- rejections of the document and the groups: the path and the reason ----

  static Stream<Arguments> rejections() {
    return Stream.of(
        // the document
        Arguments.of("[1]", "$", "must be an object"),
        Arguments.of("{'condition':{'segment':{'id':1}}}", "$.version", "is required"),
        Arguments.of(
            "{'version':'1','condition':{'segment':{'id':1}}}",
            "$.version",
            "must be a whole number"),
        Arguments.of(
            "{'version':2,'condition':{'segment':{'id':1}}}",
            "$.version",
            "unknown version 2; this server reads versions 1 to 1"),
        Arguments.of(
            "{'version':0,'condition':{'segment':{'id':1}}}",
            "$.version",
            "unknown version 0; this server reads versions 1 to 1"),
        Arguments.of("{'version':1}", "$.condition", "is required"),
        Arguments.of(
            "{'version':1,'condition':{'segment':{'id':1}},'extra':1}",
            "$.extra",
            "unknown field; expected one of: condition, version"),
        // nodes
        Arguments.of(doc("'x'"), "$.condition", "must be an object with one of: " + NODE_TYPES),
        Arguments.of(doc("{}"), "$.condition", "must have one of: " + NODE_TYPES),
        Arguments.of(
            doc("{'not':{'segment':{'id':1}},'segment':{'id':2}}"),
            "$.condition",
            "must have exactly one of not, segment"),
        Arguments.of(
            doc("{'xor':[]}"),
            "$.condition.xor",
            "unknown condition type; expected one of: " + NODE_TYPES),
        Arguments.of(
            doc("{'and':[{'segment':{'id':1}},{'weird key':1}]}"),
            "$.condition.and[1]['weird key']",
            "unknown condition type; expected one of: " + NODE_TYPES),
        Arguments.of(doc("{'and':{'segment':{'id':1}}}"), "$.condition.and", "must be an array"),
        Arguments.of(doc("{'not':null}"), "$.condition.not", "is required"),
        Arguments.of(
            doc("{'or':[{'segment':{'id':1}},3]}"),
            "$.condition.or[1]",
            "must be an object with one of: " + NODE_TYPES));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void invalidDocumentsNameThePathAndTheReason(String json, String path, String reason) {
    assertInvalid(json, path, reason);
  }

  @Test
  void aNonObjectDocumentIsRejected() {
    assertThatThrownBy(() -> ConditionJson.parse(JsonValue.NULL))
        .isInstanceOf(InvalidConditionException.class)
        .hasMessage("$: must be an object");
  }
}
