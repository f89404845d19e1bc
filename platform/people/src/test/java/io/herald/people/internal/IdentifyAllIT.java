package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyAnswer;
import io.herald.people.api.IdentifyCall;
import io.herald.people.api.IdentifyResult.Outcome;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PeopleService.identifyAll}, what a Pipelines batch of identify messages becomes: the calls
 * in one group commit, in order, an invalid body answered on its own; if the database refuses one
 * call, the calls are written one by one as separate identifies would be.
 */
class IdentifyAllIT extends PeopleDatabaseTest {

  private static IdentifyCall call(String id, JsonObject body) {
    return new IdentifyCall(new PersonRef(IdType.ID, id), body);
  }

  private static JsonObject plan(String plan) {
    return Json.createObjectBuilder().add("plan", plan).build();
  }

  @Test
  void theCallsShareOneCommitInTheirOrderAndAnInvalidBodyIsAnsweredAlone() throws Exception {
    writer.gate.countDown();
    List<IdentifyAnswer> answers =
        service.identifyAll(
            new WorkspaceId(workspace),
            List.of(
                call("a1", plan("basic")),
                call("bad", Json.createObjectBuilder().add("created_at", "yesterday").build()),
                call("a2", plan("pro")),
                call("a1", plan("gold"))));

    assertThat(answers)
        .extracting(a -> a.result() == null ? null : a.result().outcome())
        .containsExactly(Outcome.CREATED, null, Outcome.CREATED, Outcome.UPDATED);
    assertThat(answers.get(1).problems()).singleElement().asString().contains("created_at");
    assertThat(writer.groups.stream().map(List::size).toList())
        .as("one group of the three valid calls")
        .containsExactly(3);
    assertThat(customerIds()).containsExactlyInAnyOrder("a1", "a2");
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "a1"))
        .as("the later call of the same person wins")
        .isEqualTo("gold");
  }

  @Test
  void anIdentifyThatRepeatsWhatIsStoredLeavesTheRowAlone() throws Exception {
    writer.gate.countDown();
    WorkspaceId ws = new WorkspaceId(workspace);
    service.identifyAll(ws, List.of(call("r1", plan("basic"))));
    String version = personColumn("version", "r1");
    String updated = personColumn("updated_at", "r1");

    List<IdentifyAnswer> again = service.identifyAll(ws, List.of(call("r1", plan("basic"))));

    assertThat(again)
        .singleElement()
        .extracting(a -> a.result().outcome())
        .isEqualTo(Outcome.UPDATED);
    assertThat(personColumn("version", "r1")).as("no UPDATE was written").isEqualTo(version);
    assertThat(personColumn("updated_at", "r1")).isEqualTo(updated);

    service.identifyAll(ws, List.of(call("r1", plan("pro"))));
    assertThat(Long.parseLong(personColumn("version", "r1")))
        .isGreaterThan(Long.parseLong(version));
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "r1")).isEqualTo("pro");
  }

  @Test
  void aCallTheDatabaseRefusesEndsTheCallsAfterThoseBeforeItWereCommittedOneByOne()
      throws Exception {
    writer.gate.countDown();
    List<IdentifyCall> calls =
        List.of(call("b1", plan("basic")), call("poison", plan("basic")), call("b2", plan("pro")));

    assertThatThrownBy(() -> service.identifyAll(new WorkspaceId(workspace), calls))
        .hasMessageContaining("poisoned row");
    assertThat(writer.groups.stream().map(List::size).toList())
        .as("the shared group failed, then the calls alone until the refused one")
        .containsExactly(3, 1, 1);
    assertThat(customerIds()).containsExactly("b1");
  }

  @Test
  void onlyInvalidBodiesCommitNothing() {
    writer.gate.countDown();
    List<IdentifyAnswer> answers =
        service.identifyAll(
            new WorkspaceId(workspace),
            List.of(call("x", Json.createObjectBuilder().add("created_at", "soon").build())));
    assertThat(answers).singleElement().extracting(IdentifyAnswer::result).isNull();
    assertThat(writer.groups).isEmpty();
  }
}
