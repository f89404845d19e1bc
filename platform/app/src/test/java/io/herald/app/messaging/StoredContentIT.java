package io.herald.app.messaging;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.messaging.TransactionalCalls.parts;
import static io.herald.app.messaging.TransactionalCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stored snippets and email layouts: sends wrapped in them, an edit showing on the next send,
 * deletes refused while in use, and the App API's errors for both.
 */
class StoredContentIT extends EmailContainerTest {

  @Test
  void storedLayoutsAndSnippetsWrapSendsAndAnEditShowsOnTheNextSend() throws Exception {
    String run = unique("content").replace("-", "_");
    String person = unique("lay");
    calls.identify(person, "{\"email\":\"" + person + "@example.com\",\"first_name\":\"Ada\"}");
    calls.snippet("sig_" + run, "  Bye {{ customer.first_name }}  ");
    calls.snippet("addr " + run, "1 Main St");
    long layout =
        calls.layout(
            "Brand " + run,
            "<html><body><h1>Acme</h1>{{ content }}<footer>{{ snippets[\"addr "
                + run
                + "\"] }}</footer></body></html>");
    long id =
        calls.createMessage(
            q(
                "{'name':'Layout "
                    + run
                    + "','subject':'Hi','layout_id':"
                    + layout
                    + ",'body':'<p>Hello</p><p>{{ snippets.sig_"
                    + run
                    + " }}</p>'}"));
    assertThat(
            http()
                .get("v1/transactional/" + id, Http.app())
                .json()
                .at("/message/layout_id")
                .asLong())
        .isEqualTo(layout);
    String sendBody =
        q("{'transactional_message_id':" + id + ",'identifiers':{'id':'" + person + "'}}");

    calls.awaitState(calls.send(sendBody), "sent");
    String first = parts(received(1).get(0)).toString();
    assertThat(first).contains("<h1>Acme</h1><p>Hello</p><p>Bye Ada</p><footer>1 Main St</footer>");

    // Edits show on the next send (compiled templates are cached by their sources).
    calls.snippet("sig_" + run, "Cheers {{ customer.first_name }}");
    assertThat(
            calls.updateLayout(layout, "Brand", "<div class=\"v2\">{{ content }}</div>").status())
        .isEqualTo(200);
    calls.awaitState(calls.send(sendBody), "sent");
    assertThat(parts(received(2).get(1)).toString())
        .contains("<div class=\"v2\"><p>Hello</p><p>Cheers Ada</p></div>");

    // In use: the layout is a 409 naming the message, the snippet a 400 (as Customer.io).
    assertAppError(
        http().delete("v1/layouts/" + layout, Http.app()),
        409,
        "layout " + layout + " is used by transactional message " + id);
    assertAppError(
        http().delete("v1/snippets/sig_" + run, Http.app()),
        400,
        "snippet sig_" + run + " is used by transactional message " + id);
    assertAppError(
        http()
            .put(
                "v1/transactional/" + id,
                Http.app(),
                q("{'name':'L','subject':'s','body':'b','layout_id':987654321}")),
        400,
        "layout_id 987654321 is not a layout of this workspace");

    // A snippet that does not exist fails the delivery strictly, with the line and variable.
    long missing =
        calls.createMessage(
            q(
                "{'name':'Missing "
                    + run
                    + "','subject':'s','body':'x\\n{{ snippets.gone_"
                    + run
                    + " }}'}"));
    JsonNode failed =
        calls.awaitState(
            calls.send(
                q(
                    "{'transactional_message_id':"
                        + missing
                        + ",'identifiers':{'id':'"
                        + person
                        + "'}}")),
            "failed");
    assertThat(failed.path("failure_message").asText())
        .isEqualTo("body line 2: snippets.gone_" + run + " is not defined");

    // Unused again: both go.
    Answer detached =
        http()
            .put(
                "v1/transactional/" + id,
                Http.app(),
                q("{'name':'Layout " + run + "','subject':'Hi','body':'<p>Hello</p>'}"));
    assertThat(detached.json().at("/message/layout_id").isNull()).isTrue();
    assertThat(http().delete("v1/layouts/" + layout, Http.app()).status()).isEqualTo(204);
    assertThat(http().delete("v1/snippets/sig_" + run, Http.app()).status()).isEqualTo(204);
    assertAppError(
        http().get("v1/layouts/" + layout, Http.app()), 404, "layout " + layout + " not found");
    assertThat(
            http().get("v1/snippets", Http.app()).json().path("snippets").findValuesAsText("name"))
        .contains("addr " + run)
        .doesNotContain("sig_" + run);
  }

  @Test
  void badSnippetAndLayoutRequestsGetAppErrors() {
    assertAppError(http().put("v1/snippets", Http.app(), "{\"name\":"), 400, "malformed JSON");
    assertAppError(http().put("v1/snippets", Http.app(), "[1]"), 400, "must be a JSON object");
    Answer wrongTypes = http().put("v1/snippets", Http.app(), q("{'name':1,'value':true}"));
    assertAppError(wrongTypes, 400, "name must be a string");
    assertAppError(wrongTypes, 400, "value must be a string");
    assertAppError(http().put("v1/snippets", Http.app(), "{}"), 400, "name is required");
    assertAppError(
        http().put("v1/snippets", Http.app(), q("{'name':'a.b','value':'x'}")),
        400,
        "name may hold only letters");
    assertAppError(
        http().put("v1/snippets", Http.app(), q("{'name':'ok','value':'{% if %}'}")),
        400,
        "value line 1");
    assertAppError(
        http().delete("v1/snippets/no-such-snippet-" + UUID.randomUUID(), Http.app()),
        404,
        "not found");

    assertAppError(http().post("v1/layouts", Http.app(), "{"), 400, "malformed JSON");
    assertAppError(
        http().post("v1/layouts", Http.app(), q("{'name':['x'],'html':7}")),
        400,
        "name must be a string");
    assertAppError(
        http().post("v1/layouts", Http.app(), q("{'name':'x','html':'<p>no placeholder</p>'}")),
        400,
        "html must have exactly one {{ content }} placeholder (it has 0)");
    assertAppError(
        http().get("v1/layouts/987654321", Http.app()), 404, "layout 987654321 not found");
    assertAppError(http().get("v1/layouts/abc", Http.app()), 404, "layout abc not found");
    assertAppError(
        http().put("v1/layouts/987654321", Http.app(), q("{'name':'x','html':'{{content}}'}")),
        404,
        "layout 987654321 not found");
    assertAppError(http().delete("v1/layouts/987654321", Http.app()), 404, "not found");
    assertAppError(
        http()
            .post(
                "v1/transactional",
                Http.app(),
                q("{'name':'x','subject':'s','body':'b','layout_id':'one'}")),
        400,
        "layout_id must be an integer");

    assertThat(http().get("v1/snippets", null).status()).isEqualTo(401);
    assertThat(http().put("v1/snippets", null, "{}").status()).isEqualTo(401);
    assertThat(http().delete("v1/snippets/x", null).status()).isEqualTo(401);
    assertThat(http().get("v1/layouts", null).status()).isEqualTo(401);
    assertThat(http().post("v1/layouts", null, "{}").status()).isEqualTo(401);

    byte[] big = new byte[2048 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    String oversize = new String(big, StandardCharsets.US_ASCII);
    assertThat(http().post("v1/layouts", Http.app(), oversize).status()).isEqualTo(413);
    assertThat(http().put("v1/snippets", Http.app(), oversize).status()).isEqualTo(413);
  }
}
