package io.herald.journeys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date, object, relationship and webhook triggers and the object and journey steps. */
class JourneyJsonTriggersTest {

  private static final String NODES =
      "'nodes':[{'id':'u','type':'update_attribute','settings':{'attributes':{'x':1}}}]";

  private static String withTrigger(String trigger) {
    return "{'name':'T','trigger':" + trigger + "," + NODES + "}";
  }

  private static String withNode(String node) {
    return "{'name':'T','trigger':{'type':'api'},'nodes':[" + node + "]}";
  }

  @Test
  void readsADateTrigger() {
    JourneyDefinition d =
        JourneyJson.parse(
            Json.value(
                withTrigger(
                    "{'type':'date','attribute':'trial_ends_at','offset':{'days':-3},"
                        + "'at':'09:00','yearly':true}")));

    assertThat(d.trigger().type()).isEqualTo(Trigger.TriggerType.DATE);
    assertThat(TriggerDetails.date(d))
        .isEqualTo(
            new TriggerDetails.DateTrigger("trial_ends_at", -3, 0, LocalTime.of(9, 0), true));
  }

  @Test
  void namesEveryProblemOfADateTrigger() {
    assertProblems(
        withTrigger("{'type':'date','offset':{'days':1,'hours':2},'at':'9am','yearly':'yes'}"),
        "$.trigger.attribute: is required",
        "$.trigger.offset: needs exactly one of days, hours",
        "$.trigger.at: must be HH:MM (00:00 to 23:59)",
        "$.trigger.yearly: must be true or false");
    assertProblems(
        withTrigger("{'type':'date','attribute':'a','offset':{'hours':2},'at':'09:00'}"),
        "$.trigger.at: a time of day goes with an offset in days, not in hours");
    assertProblems(
        withTrigger("{'type':'date','attribute':'a','offset':{'weeks':2}}"),
        "$.trigger.offset.weeks: unknown field");
  }

  @Test
  void readsObjectAndRelationshipTriggers() {
    JourneyDefinition object =
        JourneyJson.parse(
            Json.value(
                withTrigger(
                    "{'type':'object','object_type_id':1,'on':'created',"
                        + "'where':[{'property':'plan','operator':'equals','value':'pro'}]}")));
    assertThat(TriggerDetails.object(object))
        .isEqualTo(
            new TriggerDetails.ObjectTrigger(
                false,
                "1",
                List.of("created"),
                object.document().getJsonObject("trigger").getJsonArray("where").stream()
                    .map(v -> v.asJsonObject())
                    .map(
                        o ->
                            new DataFilter(
                                o.getString("property"), o.getString("operator"), o.get("value")))
                    .toList()));

    JourneyDefinition relationship =
        JourneyJson.parse(Json.value(withTrigger("{'type':'relationship','object_type_id':'2'}")));
    assertThat(relationship.trigger().type()).isEqualTo(Trigger.TriggerType.RELATIONSHIP);
    assertThat(TriggerDetails.object(relationship).on()).containsExactly("related");
    assertThat(
            TriggerDetails.object(
                    JourneyJson.parse(
                        Json.value(withTrigger("{'type':'object','object_type_id':'2'}"))))
                .on())
        .containsExactly("created", "updated");
  }

  @Test
  void namesTheProblemsOfObjectTriggers() {
    assertProblems(
        withTrigger("{'type':'object','object_type_id':'x','on':'related'}"),
        "$.trigger.object_type_id: must be an object type id such as \"1\"",
        "$.trigger.on: must be created, updated, created_or_updated, deleted, child_related,"
            + " child_unrelated, parent_related, parent_unrelated, not 'related'");
    assertProblems(
        withTrigger("{'type':'relationship','on':'created','where':[{'property':'a'}]}"),
        "$.trigger.object_type_id: is required",
        "$.trigger.on: must be related, unrelated, not 'created'");
  }

  @Test
  void readsAndChecksAWebhookTrigger() {
    JourneyDefinition d =
        JourneyJson.parse(
            Json.value(
                withTrigger("{'type':'webhook','identifier':'$.user.email','id_type':'email'}")));
    TriggerDetails.WebhookTrigger t = TriggerDetails.webhook(d);
    assertThat(t.keys()).containsExactly("user", "email");
    assertThat(t.find(Json.object("{'user':{'email':'a@x.test'}}"))).isEqualTo("a@x.test");
    assertThat(t.find(Json.object("{'user':{'email':7}}"))).isEqualTo("7");
    assertThat(t.find(Json.object("{'user':'a@x.test'}"))).isNull();
    assertThat(t.find(Json.object("{'user':{'email':''}}"))).isNull();

    assertProblems(
        withTrigger("{'type':'webhook','identifier':'user.email','id_type':'phone'}"),
        "$.trigger.identifier: must be a JSON path of object keys such as $.user.email,"
            + " not 'user.email'",
        "$.trigger.id_type: must be email, id or cio_id, not 'phone'");
    assertProblems(withTrigger("{'type':'webhook'}"), "$.trigger.identifier: is required");
    assertProblems(
        withTrigger("{'type':'cron'}"),
        "$.trigger.type: must be event, segment, api, date, object, relationship or webhook,"
            + " not 'cron'");
  }

  @Test
  void checksObjectSteps() {
    JourneyDefinition d =
        JourneyJson.parse(
            Json.value(
                withNode(
                    "{'id':'o','type':'update_object','settings':{'object_type_id':'1',"
                        + "'object_id':'{{trigger.object.object_id}}','attributes':{'a':'b'}},"
                        + "'next':'r'},"
                        + "{'id':'r','type':'update_relationship','settings':{'action':'relate',"
                        + "'object_type_id':1,'object_id':'acme','attributes':{'role':'admin'}}}")));
    assertThat(d.nodes()).containsOnlyKeys("o", "r");

    assertProblems(
        withNode("{'id':'o','type':'update_object','settings':{'object_id':'','colour':1}}"),
        "$.nodes[0].settings.colour: unknown field",
        "$.nodes[0].settings.object_type_id: is required",
        "$.nodes[0].settings.object_id: must be 1 to 1000 characters (Liquid allowed)",
        "$.nodes[0].settings.attributes: must be a non-empty object");
    assertProblems(
        withNode(
            "{'id':'r','type':'update_relationship','settings':{'action':'unrelate',"
                + "'object_type_id':'1','attributes':{}}}"),
        "$.nodes[0].settings.object_id: is required",
        "$.nodes[0].settings.attributes: only a relate action has attributes");
    assertProblems(
        withNode(
            "{'id':'r','type':'update_relationship','settings':{'action':'link',"
                + "'object_type_id':'1','object_id':'a'}}"),
        "$.nodes[0].settings.action: must be relate or unrelate, not 'link'");
  }

  @Test
  void checksStartJourneyAndRefusesASelfStart() {
    String doc =
        withNode(
            "{'id':'s','type':'start_journey','settings':{'journey_id':7,'data':{'from':'x'}}}");
    JourneyDefinition d = JourneyJson.parse(Json.value(doc));
    JourneyJson.refuseSelfStart(d, 8);
    assertThatThrownBy(() -> JourneyJson.refuseSelfStart(d, 7))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(
            e ->
                assertThat(((InvalidJourneyException) e).problems())
                    .containsExactly(
                        "$.nodes[0].settings.journey_id: a journey cannot start itself"
                            + " (campaign 7)"));

    assertProblems(
        withNode("{'id':'s','type':'start_journey','settings':{'journey_id':'7','data':1}}"),
        "$.nodes[0].settings.journey_id: must be a whole number",
        "$.nodes[0].settings.data: must be an object");
    assertProblems(
        withNode("{'id':'s','type':'start_journey','settings':{}}"),
        "$.nodes[0].settings.journey_id: is required");
  }

  private static void assertProblems(String doc, String... problems) {
    assertThatThrownBy(() -> JourneyJson.parse(Json.value(doc)))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(e -> assertThat(((InvalidJourneyException) e).problems()).contains(problems));
  }
}
