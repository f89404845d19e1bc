package io.herald.app.journeys;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Draft testing's refused requests over HTTP, each in the App API's error shape naming the field
 * and the reason: malformed JSON, wrong types, unknown fields, missing auth, oversize bodies,
 * unknown journeys, nodes, versions and people; nothing is sent and no run starts.
 */
class JourneyDraftTestingRefusalsIT extends ContainerTest {

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private void person(String id) {
    Answer put =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                q("{'email':'" + id + "@example.com','first_name':'Ada'}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private long create(String document) {
    Answer created = http().post("v1/campaigns", Http.app(), q(document));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().at("/campaign/id").asLong();
  }

  @Test
  void refusedRequestsNameTheFieldAndTheReason() {
    String id = unique("refused-person");
    person(id);
    long campaign =
        create(
            "{'name':'Refused','trigger':{'type':'api'},'nodes':[{'id':'hello','type':'send_email',"
                + "'settings':{'from':'a@x.test','subject':'S','body':'b'},'next':'w'},"
                + "{'id':'w','type':'delay','settings':{'duration':{'value':1,'unit':'days'}}}]}");
    String send = "v1/campaigns/" + campaign + "/nodes/hello/test_send";
    String simulate = "v1/campaigns/" + campaign + "/simulate";
    String who = "{'identifiers':{'id':'" + id + "'}}";

    for (String path : List.of(send, simulate)) {
      assertAppError(http().post(path, Http.app(), "{\"identifiers\":"), 400, "malformed JSON");
      assertAppError(http().post(path, Http.app(), "[]"), 400, "must be a JSON object");
      assertAppError(
          http().post(path, Http.app(), q("{'identifiers':'x'}")), 400, "identifiers: required");
      assertAppError(
          http().post(path, Http.app(), q("{'identifiers':{'id':'" + id + "'},'data':[1]}")),
          400,
          "data: must be an object");
      assertAppError(
          http().post(path, Http.app(), q("{'identifiers':{'id':'" + id + "'},'extra':1}")),
          400,
          "extra: unknown field");
      assertAppError(
          http().post(path, Http.app(), q("{'identifiers':{'id':'nobody-" + id + "'}}")),
          404,
          "person nobody-" + id + " not found");
      assertThat(http().post(path, null, q(who)).status()).isEqualTo(401);
      byte[] big = new byte[512 * 1024 + 10];
      Arrays.fill(big, (byte) ' ');
      big[0] = '{';
      big[big.length - 1] = '}';
      assertAppError(
          http().post(path, Http.app(), new String(big, StandardCharsets.US_ASCII)),
          413,
          "larger than");
    }
    assertAppError(
        http()
            .post(
                simulate,
                Http.app(),
                q(
                    "{'identifiers':{'id':'"
                        + id
                        + "'},'version':'2','horizon':5,'events':[{'name':'','at_offset':'soon'},"
                        + "{'name':'x','data':3}]}")),
        400,
        "version: must be a whole number from 1");
    Answer many =
        http()
            .post(
                simulate,
                Http.app(),
                q(
                    "{'identifiers':{'id':'"
                        + id
                        + "'},'horizon':'P400D','events':[{'name':'','at_offset':'soon'},"
                        + "{'name':'x','data':3}]}"));
    assertAppError(many, 400, "horizon: must be more than 0 and at most P366D");
    assertAppError(many, 400, "events[0].name: required");
    assertAppError(many, 400, "events[0].at_offset: must be an ISO-8601 duration");
    assertAppError(many, 400, "events[1].data: must be an object");
    assertAppError(many, 400, "events[1].at_offset: required");
    assertAppError(
        http().post(simulate, Http.app(), q("{'identifiers':{'id':'" + id + "'},'events':{}}")),
        400,
        "events: must be an array");
    Answer hooks =
        http()
            .post(
                simulate,
                Http.app(),
                q(
                    "{'identifiers':{'id':'"
                        + id
                        + "'},'webhooks':{'a':{'status':99,'colour':1},'b':3,"
                        + "'c':{'headers':{'x':1}}}}"));
    assertAppError(hooks, 400, "webhooks.a.status: required, an HTTP status from 100 to 599");
    assertAppError(hooks, 400, "webhooks.a.colour: unknown field");
    assertAppError(hooks, 400, "webhooks.b: must be an object with status, headers, body");
    assertAppError(hooks, 400, "webhooks.c.headers.x: must be a string");
    assertAppError(
        http().post(simulate, Http.app(), q("{'identifiers':{'id':'" + id + "'},'webhooks':[]}")),
        400,
        "webhooks: must be an object of answers by node id");
    assertAppError(
        http().post(simulate, Http.app(), q("{'identifiers':{'id':'" + id + "'},'version':9}")),
        404,
        "has no version 9");

    assertAppError(
        http().post("v1/campaigns/" + campaign + "/nodes/w/test_send", Http.app(), q(who)),
        400,
        "node 'w' is a delay step, not a send step");
    assertAppError(
        http().post("v1/campaigns/" + campaign + "/nodes/nope/test_send", Http.app(), q(who)),
        404,
        "has no node 'nope'");
    for (String path :
        List.of(
            "v1/campaigns/999999999/nodes/hello/test_send",
            "v1/campaigns/abc/simulate",
            "v1/campaigns/999999999/simulate",
            "v1/campaigns/999999999/runs/move")) {
      Answer answer = http().post(path, Http.app(), q(who));
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(404);
      assertThat(answer.json().at("/meta/error").isTextual()).as(path).isTrue();
    }
    assertThat(http().post("v1/campaigns/" + campaign + "/runs/move", null, "").status())
        .isEqualTo(401);
    assertThat(http().get("v1/campaigns/" + campaign + "/runs", Http.app()).json().path("runs"))
        .isEmpty();
  }
}
