package io.herald.journeys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JourneyJsonTest {

  private static final String ONBOARDING =
      "{'name':'Onboarding','trigger':{'type':'event','event':'signed_up',"
          + "'where':[{'property':'plan','operator':'equals','value':'pro'}]},"
          + "'entry':{'rule':'once','frequency':{'max':1,'within':{'value':7,'unit':'days'}}},"
          + "'nodes':["
          + "{'id':'e1','type':'send_email','settings':{'from':'a@x.test','subject':'Hi','body':'B'},"
          + "'next':'d1'},"
          + "{'id':'d1','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},'next':'b'},"
          + "{'id':'b','type':'branch','settings':{'condition':{'version':1,'condition':"
          + "{'event':{'name':'activated'}}}},'next':{'true':'great','false':'nudge'}},"
          + "{'id':'great','type':'send_email','settings':{'message_id':'great_job'}},"
          + "{'id':'nudge','type':'send_email','settings':{'message_id':3}}],"
          + "'goal':{'event':'activated','within':{'value':14,'unit':'days'}},"
          + "'exit':{'on_goal':false,'segment_exited':4}}";

  @Test
  void readsAWholeDocument() {
    JourneyDefinition d = JourneyJson.parse(Json.value(ONBOARDING));

    assertThat(d.name()).isEqualTo("Onboarding");
    assertThat(d.trigger().type()).isEqualTo(Trigger.TriggerType.EVENT);
    assertThat(d.trigger().where()).hasSize(1);
    assertThat(d.entryRule()).isEqualTo(EntryRule.ONCE);
    assertThat(d.frequency().within()).isEqualTo(Duration.ofDays(7));
    assertThat(d.start()).isEqualTo("e1");
    assertThat(d.nodes()).containsOnlyKeys("e1", "d1", "b", "great", "nudge");
    assertThat(d.node("b").orElseThrow().next()).containsEntry("true", "great");
    assertThat(d.goal().within()).isEqualTo(Duration.ofDays(14));
    assertThat(d.exitSegment()).isEqualTo(4L);
  }

  @Test
  void namesTheJsonPathOfAnUnknownNodeType() {
    assertProblem(
        ONBOARDING.replace("'type':'delay'", "'type':'sleep'"),
        "$.nodes[1].type: unknown node type 'sleep'");
  }

  @Test
  void refusesADanglingEdge() {
    assertProblem(
        ONBOARDING.replace("'next':'d1'", "'next':'d9'"),
        "$.nodes[0].next: no node has id 'd9' (dangling edge)");
    assertProblem(
        ONBOARDING.replace("'false':'nudge'", "'false':'nope'"),
        "$.nodes[2].next.false: no node has id 'nope' (dangling edge)");
  }

  @Test
  void refusesACycleWithoutAWaitButAllowsOneThroughADelay() {
    String loop =
        "{'name':'L','trigger':{'type':'api'},'nodes':["
            + "{'id':'a','type':'update_attribute','settings':{'attributes':{'x':1}},'next':'b'},"
            + "{'id':'b','type':'branch','settings':{'trigger_data':[]},"
            + "'next':{'true':'a','false':'c'}},"
            + "{'id':'c','type':'exit'}]}";
    assertThatThrownBy(() -> JourneyJson.parse(Json.value(loop)))
        .isInstanceOf(InvalidJourneyException.class)
        .hasMessageContaining("cycle through")
        .hasMessageContaining("without a delay, wait_until or time_window step");

    String waited =
        loop.replace(
            "{'id':'c','type':'exit'}",
            "{'id':'c','type':'delay','settings':{'duration':{'value':1,'unit':'hours'}},"
                + "'next':'a'}");
    String broken = waited.replace("'true':'a'", "'true':'c'");
    assertThat(JourneyJson.parse(Json.value(broken)).nodes()).hasSize(3);
  }

  @Test
  void reportsMissingFieldsAndWrongTypes() {
    assertThatThrownBy(
            () ->
                JourneyJson.parse(
                    Json.value(
                        "{'trigger':{'type':'event'},'nodes':[{'id':'a','type':'delay',"
                            + "'settings':{'duration':{'value':'1','unit':'days'}}},"
                            + "{'id':'b','type':'send_email','settings':{'subject':5}}]}")))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(
            e ->
                assertThat(((InvalidJourneyException) e).problems())
                    .contains(
                        "$.name: is required",
                        "$.trigger.event: is required",
                        "$.nodes[0].settings.duration.value: must be a whole number",
                        "$.nodes[1].settings.from: is required",
                        "$.nodes[1].settings.subject: must be a string",
                        "$.nodes[1].settings.body: is required"));
  }

  @Test
  void sendEmailSendsEmailAndSendMessageNamesAKnownChannel() {
    assertProblem(
        ONBOARDING.replace(
            "'settings':{'message_id':3}", "'settings':{'message_id':3,'channel':'sms'}"),
        "$.nodes[4].settings.channel: a send_email step sends email; use send_message for 'sms'");
    assertProblem(
        ONBOARDING.replace(
            "{'id':'nudge','type':'send_email','settings':{'message_id':3}}",
            "{'id':'nudge','type':'send_message','settings':{'message_id':3,'channel':'fax'}}"),
        "$.nodes[4].settings.channel: unknown channel 'fax'; one of email, sms, push, whatsapp,"
            + " in_app, slack (webhooks: the send_webhook step)");
    assertProblem(
        ONBOARDING.replace(
            "{'id':'nudge','type':'send_email','settings':{'message_id':3}}",
            "{'id':'nudge','type':'send_message','settings':{'channel':'push','title':'x'}}"),
        "$.nodes[4].settings.title: unknown field");
    JourneyDefinition d =
        JourneyJson.parse(
            Json.value(
                ONBOARDING.replace(
                    "{'id':'nudge','type':'send_email','settings':{'message_id':3}}",
                    "{'id':'nudge','type':'send_message',"
                        + "'settings':{'message_id':'sms_nudge','channel':'sms','to':'+15005550006'}}")));
    assertThat(d.node("nudge").orElseThrow().type()).isEqualTo(NodeType.SEND_MESSAGE);
  }

  @Test
  void namesThePathInsideAnEntryFilter() {
    assertProblem(
        ONBOARDING.replace(
            "'entry':{'rule':'once',",
            "'entry':{'rule':'once','filter':{'version':1,'condition':{'attribute':"
                + "{'name':'plan','operator':'like','value':'x'}}},"),
        "$.entry.filter.condition.attribute.operator: unknown operator 'like'; expected one of:"
            + " equals, not_equals, exists, not_exists, contains, starts_with, ends_with,"
            + " greater_than, less_than, before, after, within_last_days, within_next_days,"
            + " in_list, regex");
  }

  @Test
  void checksSplitsAndWaits() {
    String doc =
        "{'name':'S','trigger':{'type':'segment','segment_id':3,'on':'left'},'nodes':["
            + "{'id':'r','type':'random_split','settings':{'branches':[{'label':'a','percent':30},"
            + "{'label':'b','percent':60}]},'next':{'a':'w','c':'w'}},"
            + "{'id':'w','type':'wait_until','settings':{'event':{'name':'x'}}},"
            + "{'id':'t','type':'time_window','settings':{'days':['monday','funday'],"
            + "'from':'9:00','to':'17:00','timezone':'Mars/Base'}}]}";
    assertThatThrownBy(() -> JourneyJson.parse(Json.value(doc)))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(
            e ->
                assertThat(((InvalidJourneyException) e).problems())
                    .contains(
                        "$.trigger.on: must be entered or exited, not 'left'",
                        "$.nodes[0].settings.branches: percents must add up to 100, not 90",
                        "$.nodes[0].next.c: unknown edge label; this step has a, b",
                        "$.nodes[1].settings.timeout: is required",
                        "$.nodes[2].settings.from: must be HH:MM (00:00 to 23:59)",
                        "$.nodes[2].settings.timezone: must be 'person' or a time zone id, not"
                            + " 'Mars/Base'"));
    assertThatThrownBy(() -> JourneyJson.parse(Json.value(doc)))
        .hasMessageContaining("$.nodes[2].settings.days[1]: must be one of");
  }

  @Test
  void refusesUnknownFieldsAndNonObjects() {
    assertProblem(
        ONBOARDING.replace("'name':'Onboarding'", "'name':'O','colour':'red'"),
        "$.colour: unknown field");
    assertThatThrownBy(() -> JourneyJson.parse(Json.value("[1]")))
        .hasMessage("$: must be an object");
  }

  private static void assertProblem(String doc, String problem) {
    assertThatThrownBy(() -> JourneyJson.parse(Json.value(doc)))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(e -> assertThat(((InvalidJourneyException) e).problems()).contains(problem));
  }
}
