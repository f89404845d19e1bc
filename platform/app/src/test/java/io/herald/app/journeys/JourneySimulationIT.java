package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulations over HTTP on the running node, through the real modules: sends rendered by
 * messaging's Liquid (inline email, a transactional email and SMS message) with the person's and
 * the trigger's data; a branch counting hypothetical events with the segments module's matcher; a
 * webhook node answered as the request says, its capture reaching a later branch; a person kept out
 * by the entry rule. Nothing is sent and no run starts.
 */
class JourneySimulationIT extends ContainerTest {

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private String person() {
    String id = unique("sim");
    Answer put =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                q("{'email':'" + id + "@example.com','first_name':'Ada','plan':'free'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    return id;
  }

  private long create(String document) {
    Answer created = http().post("v1/campaigns", Http.app(), q(document));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().at("/campaign/id").asLong();
  }

  private long message(String body) {
    Answer created = http().post("v1/transactional", Http.app(), q(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/message/id").asLong();
  }

  private JsonNode simulate(long campaign, String body) {
    Answer answer = http().post("v1/campaigns/" + campaign + "/simulate", Http.app(), q(body));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("simulation");
  }

  private static JsonNode step(JsonNode sim, String node, String outcome) {
    for (JsonNode s : sim.path("steps")) {
      if (s.path("node").asText().equals(node) && s.path("outcome").asText().equals(outcome)) {
        return s;
      }
    }
    throw new AssertionError("no step " + node + " " + outcome + " in " + sim);
  }

  @Test
  void sendsAreRenderedByMessagingsLiquidWithThePersonAndTheTriggerData() {
    String id = person();
    long receipt =
        message(
            "{'name':'"
                + unique("receipt")
                + "','subject':'Receipt for {{customer.first_name}}',"
                + "'body':'<p>Total {{trigger.total}}</p>','from':'a@acme.test'}");
    long sms =
        message(
            "{'name':'"
                + unique("sms")
                + "','channel':'sms','body':'Hi {{customer.first_name}}, {{trigger.plan}}'}");
    long campaign =
        create(
            "{'name':'Render','trigger':{'type':'api'},'nodes':["
                + "{'id':'hello','type':'send_email','settings':{'from':'a@acme.test',"
                + "'subject':'Hello {{customer.first_name}} on {{trigger.plan | upcase}}',"
                + "'body':'<p>Plan {{trigger.plan}}</p>'},'next':'receipt'},"
                + "{'id':'receipt','type':'send_email','settings':{'message_id':"
                + receipt
                + "},'next':'text'},"
                + "{'id':'text','type':'send_message','settings':{'channel':'sms','message_id':"
                + sms
                + "},'next':'broken'},"
                + "{'id':'broken','type':'send_email','settings':{'from':'a@acme.test',"
                + "'subject':'Hi {{customer.nickname}}','body':'b'}}]}");

    JsonNode sim =
        simulate(
            campaign, "{'identifiers':{'id':'" + id + "'},'data':{'plan':'gold','total':'12.50'}}");

    JsonNode hello = step(sim, "hello", "sent");
    assertThat(hello.path("detail").asText()).isEqualTo("would send email \"Hello Ada on GOLD\"");
    assertThat(hello.at("/preview/subject").asText()).isEqualTo("Hello Ada on GOLD");
    assertThat(hello.at("/preview/body").asText()).contains("Plan gold");
    JsonNode r = step(sim, "receipt", "sent");
    assertThat(r.path("detail").asText()).isEqualTo("would send email \"Receipt for Ada\"");
    assertThat(r.at("/preview/body").asText()).contains("Total 12.50");
    JsonNode text = step(sim, "text", "sent");
    assertThat(text.path("detail").asText())
        .isEqualTo("would send sms transactional message " + sms);
    assertThat(text.at("/preview/body").asText()).isEqualTo("Hi Ada, gold");
    JsonNode broken = step(sim, "broken", "failed");
    assertThat(broken.path("detail").asText())
        .startsWith("would not render: subject")
        .contains("customer.nickname");
    assertThat(broken.path("preview").isNull()).isTrue();
    assertThat(sim.path("end").asText()).isEqualTo("completed");
    assertThat(http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs"))
        .isEmpty();
  }

  @Test
  void hypotheticalEventsReachABranchAndAWebhookAnswerPicksItsEdgeAndCapture() {
    String id = person();
    long campaign =
        create(
            "{'name':'Paths','trigger':{'type':'api'},'nodes':["
                + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'hours'}},"
                + "'next':'viewed'},"
                + "{'id':'viewed','type':'branch','settings':{'condition':{'version':1,"
                + "'condition':{'event':{'name':'viewed_pricing','count':{'at_least':2},"
                + "'within':{'last':1,'unit':'days'}}}}},'next':{'true':'hook','false':'cold'}},"
                + "{'id':'hook','type':'send_webhook','settings':{'url':'https://crm.example/p',"
                + "'capture':{'plan':'body.account.plan'}},"
                + "'next':{'success':'pro','failure':'alert'}},"
                + "{'id':'pro','type':'branch','settings':{'condition':{'version':1,'condition':"
                + "{'attribute':{'name':'plan','operator':'equals','value':'pro'}}}},"
                + "'next':{'true':'upsold','false':'cold'}},"
                + "{'id':'upsold','type':'exit'},{'id':'cold','type':'exit'},"
                + "{'id':'alert','type':'exit'}]}");
    String who = "'identifiers':{'id':'" + id + "'}";
    String views =
        "'events':[{'name':'viewed_pricing','at_offset':'PT10M'},"
            + "{'name':'viewed_pricing','at_offset':'PT20M'}]";

    assertThat(edges(simulate(campaign, "{" + who + "}"))).containsSubsequence("viewed:false");
    JsonNode pro =
        simulate(
            campaign,
            "{"
                + who
                + ","
                + views
                + ",'webhooks':{'hook':{'status':200,'body':{'account':{'plan':'pro'}}}}}");
    assertThat(edges(pro)).containsSubsequence("viewed:true", "hook:success", "pro:true");
    assertThat(step(pro, "hook", "success").path("detail").asText())
        .isEqualTo("HTTP 200; would set {\"plan\":\"pro\"}");
    JsonNode down =
        simulate(
            campaign,
            "{" + who + "," + views + ",'webhooks':{'hook':{'status':500,'body':'down'}}}");
    assertThat(edges(down)).containsSubsequence("viewed:true", "hook:failure");
    assertThat(step(down, "hook", "failure").path("detail").asText())
        .isEqualTo("HTTP 500: \"down\"");
    assertThat(
            http()
                .get("v1/customers/" + id + "/attributes", Http.app())
                .json()
                .at("/customer/attributes/plan")
                .asText())
        .isEqualTo("free");
  }

  private static List<String> edges(JsonNode sim) {
    List<String> edges = new ArrayList<>();
    for (JsonNode s : sim.path("steps")) {
      if (s.hasNonNull("edge")) {
        edges.add(s.path("node").asText() + ":" + s.path("edge").asText());
      }
    }
    return edges;
  }

  @Test
  void aPersonTheEntryRuleKeepsOutDoesNotEnterTheSimulation() {
    String id = person();
    long campaign =
        create(
            "{'name':'Once','trigger':{'type':'api'},'entry':{'rule':'once'},'nodes':["
                + "{'id':'w','type':'delay','settings':{'duration':{'value':30,'unit':'days'}}}]}");
    String who = "{'identifiers':{'id':'" + id + "'}}";
    assertThat(simulate(campaign, who).path("end").asText()).isEqualTo("completed");
    assertThat(http().post("v1/campaigns/" + campaign + "/activate", Http.app(), "").status())
        .isEqualTo(200);
    Answer triggered =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':['" + id + "']}"));
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                http()
                        .get("v1/campaigns/" + campaign + "/runs", Http.app())
                        .json()
                        .path("runs")
                        .size()
                    == 1);

    JsonNode sim = simulate(campaign, who);

    assertThat(sim.path("end").asText()).isEqualTo("not_entered");
    assertThat(sim.path("reason").asText())
        .isEqualTo("entry rule once: the person already entered this journey");
    assertThat(sim.path("steps")).isEmpty();
  }
}
