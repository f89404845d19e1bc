package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StepEditorTest {

  static final String DOCUMENT =
      """
      {"name":"Onboarding","trigger":{"type":"event","event":"signed_up"},
       "entry":{"rule":"once"},
       "nodes":[
         {"id":"e1","type":"send_email","settings":{"from":"a@x.test","subject":"Hi","body":"B"},"next":"d1"},
         {"id":"d1","type":"delay","settings":{"duration":{"value":1,"unit":"days"}},"next":"b"},
         {"id":"b","type":"branch","settings":{"condition":{"version":1,"condition":{"event":{"name":"activated"}}}},
          "next":{"true":"great","false":"nudge"}},
         {"id":"great","type":"exit"},
         {"id":"nudge","type":"exit"}],
       "goal":{"event":"activated","within":{"value":14,"unit":"days"}}}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void showsEachStepWithItsSettingsAndEdges() {
    StepEditor editor = StepEditor.of(DOCUMENT);

    assertThat(editor.getRows())
        .extracting(StepEditor.Row::getId)
        .containsExactly("e1", "d1", "b", "great", "nudge");
    StepEditor.Row branch = editor.getRows().get(2);
    assertThat(branch.getType()).isEqualTo("branch");
    assertThat(branch.getNext()).isEqualTo("true=great, false=nudge");
    assertThat(editor.getRows().get(1).getSettings())
        .isEqualTo("{\"duration\":{\"value\":1,\"unit\":\"days\"}}");
    assertThat(editor.getRows().get(3).getSettings()).isEqualTo("{}");
    assertThat(editor.getRows().get(3).getNext()).isEmpty();
  }

  @Test
  void writesTheEditedStepsBackKeepingEverythingElse() throws Exception {
    StepEditor editor = StepEditor.of(DOCUMENT);
    editor.getRows().get(1).setSettings("{\"duration\":{\"value\":3,\"unit\":\"days\"}}");
    editor.add("update_attribute");
    StepEditor.Row added = editor.getRows().get(5);
    assertThat(added.getId()).isEqualTo("step6");
    added.setSettings("{\"attributes\":{\"onboarded\":true}}");
    editor.getRows().get(3).setNext("step6");
    editor.moveUp(4);

    JsonNode written = JSON.readTree(editor.document());

    assertThat(written.path("name").asText()).isEqualTo("Onboarding");
    assertThat(written.path("goal").path("within").path("value").asInt()).isEqualTo(14);
    assertThat(written.fieldNames())
        .toIterable()
        .containsExactly("name", "trigger", "entry", "nodes", "goal");
    JsonNode nodes = written.path("nodes");
    assertThat(nodes).hasSize(6);
    assertThat(nodes.get(1).path("settings").path("duration").path("value").asInt()).isEqualTo(3);
    assertThat(nodes.get(2).path("next").path("false").asText()).isEqualTo("nudge");
    assertThat(nodes.get(3).path("id").asText()).isEqualTo("nudge");
    assertThat(nodes.get(4).path("next").asText()).isEqualTo("step6");
    assertThat(nodes.get(4).has("settings")).isFalse();
    assertThat(nodes.get(5).path("settings").path("attributes").path("onboarded").asBoolean())
        .isTrue();

    editor.remove(5);
    assertThat(JSON.readTree(editor.document()).path("nodes")).hasSize(5);
  }

  @Test
  void namesTheStepWhoseSettingsOrEdgesCannotBeWritten() {
    StepEditor editor = StepEditor.of(DOCUMENT);
    editor.getRows().get(0).setSettings("{\"subject\":");
    editor.getRows().get(1).setSettings("[1]");
    editor.getRows().get(2).setNext("true=great, false");

    assertThatThrownBy(editor::document)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step 1: settings are not JSON")
        .hasMessageContaining("step 2: settings must be a JSON object")
        .hasMessageContaining("step 3: next \"false\" is not label=step");
  }

  @Test
  void refusesWhatIsNotAJourneyDocument() {
    assertThatThrownBy(() -> StepEditor.of("[1]"))
        .hasMessage("the journey document is not a JSON object");
    assertThatThrownBy(() -> StepEditor.of("{"))
        .hasMessageStartingWith("the journey document is not JSON");
  }
}
