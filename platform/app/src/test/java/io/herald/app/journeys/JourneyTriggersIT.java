package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Journey triggers on the running node over HTTP: a webhook-triggered journey's inbound URL (no API
 * key; its token shown once) and its refused calls in the App API's error shape; an object trigger
 * from an object written through the App API, read from the objects change journal, whose
 * update_object step writes the object back with Liquid from the trigger data.
 */
class JourneyTriggersIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private String person(String id) {
    Answer put =
        http().put("api/v1/customers/" + id, Http.track(), q("{'email':'" + id + "@example.com'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    return http()
        .get("v1/customers/" + id + "/attributes", Http.app())
        .json()
        .at("/customer/identifiers/cio_id")
        .asText();
  }

  private void activate(long id) {
    Answer active = http().post("v1/campaigns/" + id + "/activate", Http.app(), "");
    assertThat(active.status()).as(active.body()).isEqualTo(200);
  }

  @Test
  void anInboundWebhookStartsARunForThePersonItNames() {
    String id = unique("webhook-person");
    person(id);
    String attribute = unique("order_state").replace('-', '_');
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'Order "
                        + attribute
                        + "','trigger':{'type':'webhook','identifier':'$.order.customer'},"
                        + "'entry':{'rule':'every_time'},'nodes':[{'id':'u','type':"
                        + "'update_attribute','settings':{'attributes':{'"
                        + attribute
                        + "':'shipped'}}}]}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long campaign = created.json().at("/campaign/id").asLong();
    String path = created.json().at("/webhook/path").asText();
    String token = created.json().at("/webhook/token").asText();
    assertThat(path).isEqualTo("/v1/webhooks/journeys/" + token);
    assertThat(token).startsWith("hjw_");
    String email = id + "@example.com";

    // Not active yet.
    assertAppError(
        http().post(path, null, q("{'order':{'customer':'" + email + "'}}")), 409, "not an active");
    activate(campaign);

    Answer received =
        http().post(path, null, q("{'order':{'customer':'" + email + "','total':12}}"));
    assertThat(received.status()).as(received.body()).isEqualTo(200);
    assertThat(received.json().path("entered").asBoolean()).isTrue();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/customers/" + id + "/attributes", Http.app())
                            .json()
                            .at("/customer/attributes/" + attribute)
                            .asText())
                    .isEqualTo("shipped"));

    // Refusals, each in the App API's error shape.
    assertAppError(http().post(path, null, "{\"order\":"), 400, "");
    assertAppError(http().post(path, null, "[1,2]"), 400, "must be a JSON object");
    assertAppError(http().post(path, null, q("{'order':{}}")), 400, "$.order.customer");
    assertAppError(
        http().post(path, null, q("{'order':{'customer':{'email':'x'}}}")),
        400,
        "$.order.customer: is required");
    assertAppError(
        http().post(path, null, q("{'order':{'customer':'nobody-" + email + "'}}")),
        404,
        "no person");
    assertAppError(
        http().post(path + "x", null, q("{'order':{'customer':'" + email + "'}}")),
        404,
        "no journey has this webhook URL");
    String big =
        "{\"order\":{\"customer\":\"" + email + "\",\"pad\":\"" + "x".repeat(300_000) + "\"}}";
    assertAppError(http().post(path, null, big), 413, "");

    // Rotation: the old token stops working, the new one works; rotating needs the App API key.
    assertThat(http().post("v1/campaigns/" + campaign + "/webhook_token", null, "").status())
        .isEqualTo(401);
    assertAppError(
        http().post("v1/campaigns/999999999/webhook_token", Http.app(), ""), 404, "999999999");
    Answer rotated = http().post("v1/campaigns/" + campaign + "/webhook_token", Http.app(), "");
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String next = rotated.json().at("/webhook/path").asText();
    assertAppError(
        http().post(path, null, q("{'order':{'customer':'" + email + "'}}")), 404, "no journey");
    Answer again = http().post(next, null, q("{'order':{'customer':'" + email + "'}}"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/campaigns/" + campaign + "/runs", Http.app())
                            .json()
                            .path("runs"))
                    .hasSize(2));
  }

  @Test
  void aNewObjectEntersThePeopleRelatedToIt() {
    Answer type =
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Account") + "\"}");
    assertThat(type.status()).as(type.body()).isEqualTo(201);
    String typeId = type.json().at("/type/id").asText();
    String id = unique("object-person");
    String cio = person(id);
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'New account "
                        + typeId
                        + "','trigger':{'type':'object','object_type_id':'"
                        + typeId
                        + "','on':'created','where':[{'property':'plan','operator':'equals',"
                        + "'value':'premium'}]},'nodes':[{'id':'o','type':'update_object',"
                        + "'settings':{'object_type_id':'"
                        + typeId
                        + "','object_id':'{{trigger.object.object_id}}',"
                        + "'attributes':{'welcomed':'{{trigger.object.plan}} via journey'}}}]}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long campaign = created.json().at("/campaign/id").asLong();
    assertThat(created.json().has("webhook")).isFalse();
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/webhook_token", Http.app(), ""),
        400,
        "not triggered by a webhook");
    activate(campaign);

    String account = unique("acct");
    Answer object =
        http()
            .put(
                "v1/objects/" + typeId + "/" + account,
                Http.app(),
                q(
                    "{'attributes':{'plan':'premium'},'cio_relationships':[{'identifiers':{'cio_id':'"
                        + cio
                        + "'}}]}"));
    assertThat(object.status()).as(object.body()).isEqualTo(201);
    String free = unique("acct-free");
    assertThat(
            http()
                .put(
                    "v1/objects/" + typeId + "/" + free,
                    Http.app(),
                    q(
                        "{'attributes':{'plan':'free'},'cio_relationships':[{'identifiers':{"
                            + "'cio_id':'"
                            + cio
                            + "'}}]}"))
                .status())
        .isEqualTo(201);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/objects/" + typeId + "/" + account + "/attributes", Http.app())
                            .json()
                            .at("/object/attributes/welcomed")
                            .asText())
                    .isEqualTo("premium via journey"));
    Answer runs = http().get("v1/campaigns/" + campaign + "/runs", Http.app());
    assertThat(runs.json().path("runs")).hasSize(1);
    assertThat(runs.json().path("runs").get(0).path("cio_id").asText()).isEqualTo(cio);
    assertThat(
            http()
                .get("v1/objects/" + typeId + "/" + free + "/attributes", Http.app())
                .json()
                .at("/object/attributes")
                .has("welcomed"))
        .isFalse();
  }

  private String objectType(String name) {
    Answer type = http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique(name) + "\"}");
    assertThat(type.status()).as(type.body()).isEqualTo(201);
    return type.json().at("/type/id").asText();
  }

  private long activeCampaign(String json) {
    Answer created = http().post("v1/campaigns", Http.app(), q(json));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long campaign = created.json().at("/campaign/id").asLong();
    activate(campaign);
    return campaign;
  }

  private void awaitRuns(long campaign, String... cioIds) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/campaigns/" + campaign + "/runs", Http.app())
                            .json()
                            .path("runs")
                            .findValuesAsText("cio_id"))
                    .containsExactlyInAnyOrder(cioIds));
  }

  @Test
  void aDeletedObjectAndAnObjectLinkEnterThePeopleRelatedToThem() {
    String accounts = objectType("Account");
    String teams = objectType("Team");
    String owner = person(unique("owner"));
    String member = person(unique("member"));
    long closed =
        activeCampaign(
            "{'name':'Closed "
                + accounts
                + "','trigger':{'type':'object','object_type_id':'"
                + accounts
                + "','on':'deleted'},'nodes':[{'id':'x','type':'exit'}]}");
    long linked =
        activeCampaign(
            "{'name':'Team joined "
                + teams
                + "','trigger':{'type':'object','object_type_id':'"
                + teams
                + "','on':'parent_related'},'nodes':[{'id':'x','type':'exit'}]}");

    String account = unique("acct");
    String team = unique("team");
    assertThat(
            http()
                .put(
                    "v1/objects/" + accounts + "/" + account,
                    Http.app(),
                    q("{'cio_relationships':[{'identifiers':{'cio_id':'" + owner + "'}}]}"))
                .status())
        .isEqualTo(201);
    assertThat(
            http()
                .put(
                    "v1/objects/" + teams + "/" + team,
                    Http.app(),
                    q("{'cio_relationships':[{'identifiers':{'cio_id':'" + member + "'}}]}"))
                .status())
        .isEqualTo(201);
    // The team becomes a child of the account: its people enter the parent_related journey.
    Answer link =
        http()
            .put(
                "v1/objects/" + accounts + "/" + account,
                Http.app(),
                q(
                    "{'object_relationships':[{'identifiers':{'object_type_id':'"
                        + teams
                        + "','object_id':'"
                        + team
                        + "'}}]}"));
    assertThat(link.status()).as(link.body()).isEqualTo(200);
    assertThat(http().delete("v1/objects/" + accounts + "/" + account, Http.app()).status())
        .isBetween(200, 204);

    awaitRuns(linked, member);
    awaitRuns(closed, owner);
  }

  @Test
  void aDeletedPersonsRunExits() {
    String id = unique("leaver");
    String cio = person(id);
    long campaign =
        activeCampaign(
            "{'name':'"
                + unique("Slow drip")
                + "','trigger':{'type':'api'},'nodes':[{'id':'d','type':'delay','settings':"
                + "{'duration':{'value':3,'unit':'days'}}}]}");
    Answer triggered =
        http()
            .post(
                "v1/campaigns/" + campaign + "/triggers", Http.app(), q("{'ids':['" + id + "']}"));
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
    awaitRuns(campaign, cio);

    assertThat(http().delete("api/v1/customers/" + id, Http.track()).status()).isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var run =
                  http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().at("/runs/0");
              assertThat(run.path("state").asText()).isEqualTo("exited");
              assertThat(run.path("exit_reason").asText()).isEqualTo("person_deleted");
            });
  }
}
