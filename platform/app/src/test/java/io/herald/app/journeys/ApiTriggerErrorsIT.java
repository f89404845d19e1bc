package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import org.junit.jupiter.api.Test;

/**
 * Customer.io's broadcast trigger errors over HTTP: {@code GET
 * /v1/campaigns/{id}/triggers/{trigger_id}/errors} lists the people a trigger named who did not
 * enter (a reference naming nobody, skipped with {@code id_ignore_missing}; a person the entry rule
 * kept out) with their position and field in the request, a page at a time; unknown and malformed
 * ids answer 404, bad paging 400, no credentials 401, each in the App API's error shape.
 */
class ApiTriggerErrorsIT extends ContainerTest {

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private void person(String id) {
    Answer put =
        http().put("api/v1/customers/" + id, Http.track(), q("{'email':'" + id + "@x.test'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private long activeOnceJourney() {
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                q(
                    "{'name':'"
                        + unique("Errors")
                        + "','trigger':{'type':'api'},'entry':{'rule':'once'},'nodes':["
                        + "{'id':'w','type':'delay','settings':{'duration':{'value':30,"
                        + "'unit':'days'}}}]}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/campaign/id").asLong();
    assertThat(http().post("v1/campaigns/" + id + "/activate", Http.app(), "").status())
        .isEqualTo(200);
    return id;
  }

  private long trigger(long campaign, String body) {
    Answer answer = http().post("v1/campaigns/" + campaign + "/triggers", Http.app(), q(body));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asLong();
  }

  private JsonNode errors(long campaign, long trigger, String query) {
    Answer answer =
        http()
            .get(
                "v1/campaigns/" + campaign + "/triggers/" + trigger + "/errors" + query,
                Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void aTriggersErrorsNameEachSkippedOrRefusedPersonWithItsPlaceInTheRequest() {
    String a = unique("trig-a");
    String b = unique("trig-b");
    person(a);
    person(b);
    long campaign = activeOnceJourney();

    long first =
        trigger(
            campaign,
            "{'ids':['" + a + "','nobody-" + a + "','" + b + "'],'id_ignore_missing':true}");
    JsonNode status =
        http().get("v1/campaigns/" + campaign + "/triggers/" + first, Http.app()).json();
    assertThat(status.path("entered").asLong()).isEqualTo(2);
    assertThat(status.path("errors").asLong()).isEqualTo(1);
    JsonNode missing = errors(campaign, first, "");
    assertThat(missing.path("errors")).hasSize(1);
    assertThat(missing.at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(missing.at("/errors/0/reason").asText()).isEqualTo("not_found");
    assertThat(missing.at("/errors/0/field").asText()).isEqualTo("ids[1]");
    assertThat(missing.at("/errors/0/message").asText()).isEqualTo("no person with id nobody-" + a);
    assertThat(missing.path("next").asText()).isEmpty();

    // Both entered once already: the entry rule keeps them out, each reported where it was named.
    long again =
        trigger(
            campaign,
            "{'per_user_data':[{'email':'"
                + b
                + "@x.test'},{'id':'"
                + a
                + "'}],'email_ignore_missing':true}");
    JsonNode page1 = errors(campaign, again, "?limit=1");
    assertThat(page1.path("errors")).hasSize(1);
    assertThat(page1.at("/errors/0/batch_index").asInt()).isZero();
    assertThat(page1.at("/errors/0/reason").asText()).isEqualTo("not_entered");
    assertThat(page1.at("/errors/0/field").asText()).isEqualTo("per_user_data[0].email");
    assertThat(page1.at("/errors/0/message").asText())
        .isEqualTo("entry rule once: the person already entered this journey");
    String next = page1.path("next").asText();
    assertThat(next).isNotEmpty();
    JsonNode page2 = errors(campaign, again, "?limit=1&start=" + next);
    assertThat(page2.path("errors")).hasSize(1);
    assertThat(page2.at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(page2.at("/errors/0/field").asText()).isEqualTo("per_user_data[1].id");
    assertThat(page2.path("next").asText()).isEmpty();
    assertThat(errors(campaign, again, "").path("errors")).hasSize(2);

    String url = "v1/campaigns/" + campaign + "/triggers/" + again + "/errors";
    assertAppError(
        http().get("v1/campaigns/" + campaign + "/triggers/999999999/errors", Http.app()),
        404,
        "trigger 999999999 not found");
    assertAppError(
        http().get("v1/campaigns/" + campaign + "/triggers/abc/errors", Http.app()),
        404,
        "trigger abc not found");
    assertAppError(
        http().get("v1/campaigns/999999999/triggers/" + again + "/errors", Http.app()),
        404,
        "campaign 999999999 not found");
    long other = activeOnceJourney();
    assertAppError(
        http().get("v1/campaigns/" + other + "/triggers/" + again + "/errors", Http.app()),
        404,
        "trigger " + again + " not found");
    assertAppError(http().get(url + "?limit=0", Http.app()), 400, "limit: must be a whole number");
    assertAppError(http().get(url + "?limit=x", Http.app()), 400, "limit: must be a whole number");
    assertAppError(
        http().get(url + "?start=abc", Http.app()), 400, "start: must be a page's next value");
    assertThat(http().get(url, null).status()).isEqualTo(401);
  }
}
