package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.RunView;
import io.herald.webadmin.fakes.FakeJourneys;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyPagesTest {

  private final FakeJourneys journeys = new FakeJourneys();
  private final Messages messages = new Messages();

  private JourneysPage list(FakeRoleUser user) {
    JourneysPage page = new JourneysPage();
    page.journeys = journeys;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    return page;
  }

  private JourneyPage open(FakeRoleUser user, long id, long run) {
    JourneyPage page = new JourneyPage();
    page.journeys = journeys;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.setRun(run);
    page.load();
    return page;
  }

  @Test
  void importCreatesADraftAndRefusalsNameTheJsonPath() {
    JourneysPage page = list(FakeRoleUser.editor());
    page.setDocument(StepEditorTest.DOCUMENT.replace("\"type\":\"delay\"", "\"type\":\"sleep\""));
    assertThat(page.importDocument()).isNull();
    assertThat(page.getProblems()).startsWith("$.nodes[1].type: unknown node type 'sleep'");
    assertThat(journeys.journeys).isEmpty();

    page.setDocument("{not json");
    assertThat(page.importDocument()).isNull();
    assertThat(page.getProblems().get(0)).startsWith("the journey document is not JSON");

    page.setDocument(StepEditorTest.DOCUMENT);
    assertThat(page.importDocument()).isEqualTo("/journey?faces-redirect=true&id=1");
    assertThat(messages.infos).containsExactly("Journey “Onboarding” imported as a draft.");
    assertThat(list(FakeRoleUser.viewer()).getList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.journey().state()).isEqualTo(JourneyState.DRAFT);
              assertThat(r.trigger()).isEqualTo("event “signed_up”");
            });
  }

  @Test
  void viewersNeitherImportNorChange() {
    JourneysPage page = list(FakeRoleUser.viewer());
    page.setDocument(StepEditorTest.DOCUMENT);
    assertThat(page.importDocument()).isNull();
    JourneysPage editor = list(FakeRoleUser.editor());
    editor.setDocument(StepEditorTest.DOCUMENT);
    editor.importDocument();

    JourneyPage journey = open(FakeRoleUser.viewer(), 1, 0);
    assertThat(journey.activate()).isNull();
    assertThat(journey.saveSteps()).isNull();
    assertThat(messages.errors)
        .contains(
            "Only admins and editors may import journeys.",
            "Only admins and editors may change journeys.");
  }

  @Test
  void theLifecycleButtonsFollowTheStateAndSavingAStartedJourneyAddsAVersion() {
    JourneysPage importer = list(FakeRoleUser.editor());
    importer.setDocument(StepEditorTest.DOCUMENT);
    importer.importDocument();

    JourneyPage page = open(FakeRoleUser.editor(), 1, 0);
    assertThat(page.isActivatable()).isTrue();
    assertThat(page.isPausable()).isFalse();
    assertThat(page.getSteps().getRows()).hasSize(5);
    assertThat(page.getJson()).contains("\"signed_up\"");

    assertThat(page.activate()).isEqualTo("/journey?faces-redirect=true&id=1");
    page = open(FakeRoleUser.editor(), 1, 0);
    assertThat(page.isActivatable()).isFalse();
    assertThat(page.isPausable()).isTrue();

    page.getSteps().getRows().get(1).setSettings("{\"duration\":{\"value\":2,\"unit\":\"days\"}}");
    assertThat(page.saveSteps()).isEqualTo("/journey?faces-redirect=true&id=1");
    assertThat(journeys.journeys.get(1L).version()).isEqualTo(2);
    assertThat(messages.infos).contains("Steps saved: journey “Onboarding” is at version 2.");

    page = open(FakeRoleUser.editor(), 1, 0);
    page.getSteps().getRows().get(2).setNext("true=nowhere, false=nudge");
    assertThat(page.saveSteps()).isNull();
    assertThat(page.getProblems())
        .containsExactly("$.nodes[2].next.true: no node has id 'nowhere' (dangling edge)");

    page.setJson("[]");
    assertThat(page.saveJson()).isNull();
    assertThat(page.getProblems()).containsExactly("the journey document must be a JSON object");

    assertThat(page.pause()).isNotNull();
    assertThat(open(FakeRoleUser.editor(), 1, 0).getJourney().state())
        .isEqualTo(JourneyState.PAUSED);
  }

  @Test
  void runsAreListedAndOneShowsItsSteps() {
    JourneysPage importer = list(FakeRoleUser.editor());
    importer.setDocument(StepEditorTest.DOCUMENT);
    importer.importDocument();
    RunView.Step step = new RunView.Step("e1", "sent", "delivery d-1", FakeJourneys.T);
    journeys.runs.add(
        new RunView(
            7, 1, 1, "cio_a", "active", "d1", null, FakeJourneys.T, null, null, List.of(step)));
    journeys.runs.add(
        new RunView(
            6,
            1,
            1,
            "cio_b",
            "exited",
            "b",
            "goal met",
            FakeJourneys.T,
            FakeJourneys.T,
            FakeJourneys.T,
            List.of()));

    JourneyPage page = open(FakeRoleUser.viewer(), 1, 7);
    assertThat(page.getRunList()).extracting(RunView::id).containsExactly(7L, 6L);
    page.setRuns("exited");
    assertThat(page.getRunList()).extracting(RunView::cioId).containsExactly("cio_b");
    assertThat(page.getSelectedRun().steps()).containsExactly(step);
    assertThat(open(FakeRoleUser.viewer(), 1, 99).getSelectedRun()).isNull();
    assertThat(page.getMetrics().entered()).isEqualTo(2);
  }

  @Test
  void anUnknownJourneySaysSo() {
    JourneyPage page = open(FakeRoleUser.viewer(), 42, 0);
    assertThat(page.getJourney()).isNull();
    assertThat(page.getRunList()).isEmpty();
    assertThat(messages.errors).containsExactly("There is no journey 42.");
  }

  @Test
  void describesTheNewTriggers() {
    java.util.function.Function<String, String> describe =
        trigger ->
            JourneyDocuments.trigger(
                new io.herald.journeys.api.JourneyView(
                    1,
                    "T",
                    JourneyState.DRAFT,
                    1,
                    io.herald.journeys.api.JourneyJson.parse(
                        jakarta.json.Json.createReader(
                                new java.io.StringReader(
                                    ("{'name':'T','trigger':"
                                            + trigger
                                            + ",'nodes':[{'id':'x','type':'exit'}]}")
                                        .replace('\'', '"')))
                            .readValue()),
                    null,
                    null,
                    null));
    assertThat(
            describe.apply(
                "{'type':'date','attribute':'trial_ends_at','offset':{'days':-3},'at':'09:00'}"))
        .isEqualTo("date “trial_ends_at” 3 days before at 09:00");
    assertThat(describe.apply("{'type':'date','attribute':'birthday','yearly':true}"))
        .isEqualTo("date “birthday”, yearly");
    assertThat(describe.apply("{'type':'object','object_type_id':'2'}"))
        .isEqualTo("object type 2 created or updated");
    assertThat(describe.apply("{'type':'relationship','object_type_id':2,'on':'unrelated'}"))
        .isEqualTo("object type 2 unrelated");
    assertThat(describe.apply("{'type':'webhook','identifier':'$.user.email'}"))
        .isEqualTo("webhook ($.user.email)");
  }
}
