package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.RunView;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyPagesTest {

  private static final String WELCOME =
      "{'name':'Welcome','trigger':{'type':'event','event':'signed_up'},'nodes':["
          + "{'id':'hi','type':'send_email','settings':{'from':'a@x.io','subject':'Hi','body':'b'}}]}";
  private static final String OFFER =
      "{'name':'Offer','trigger':{'type':'segment','segment_id':4,'on':'exited'},'nodes':["
          + "{'id':'x','type':'exit'}]}";

  private final FakeJourneys journeys = new FakeJourneys();
  private final Messages messages = new Messages();

  private static RunView run(long id, long journey, String cio, String state, String reason) {
    return new RunView(
        id,
        journey,
        1,
        cio,
        state,
        "hi",
        reason,
        FakeJourneys.T,
        state.equals("active") ? null : FakeJourneys.T,
        null,
        List.of(
            new RunView.Step("hi", "entered", null, FakeJourneys.T),
            new RunView.Step("hi", "sent", "d-1", FakeJourneys.T)));
  }

  private JourneyPage journeyPage(FakeRoleUser user, long id, String state) {
    JourneyPage page = new JourneyPage();
    page.journeys = journeys;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.setState(state);
    page.load();
    return page;
  }

  @Test
  void theListShowsEveryJourneyWithItsStateAndTrigger() {
    journeys.add(1, WELCOME, JourneyState.ACTIVE);
    journeys.add(2, OFFER, JourneyState.DRAFT);
    JourneysPage page = new JourneysPage();
    page.journeys = journeys;
    page.workspaces = new OneWorkspace();
    page.user = FakeRoleUser.viewer();
    page.messages = messages;
    page.load();

    assertThat(page.getRows()).extracting(j -> j.name()).containsExactly("Welcome", "Offer");
    assertThat(page.triggerOf(page.getRows().get(0))).isEqualTo("event signed_up");
    assertThat(page.triggerOf(page.getRows().get(1))).isEqualTo("leaves segment 4");
    assertThat(page.stateOf(page.getRows().get(1))).isEqualTo("draft");
  }

  @Test
  void aJourneyShowsWhoIsWhereAndWhyTheyLeft() {
    journeys.add(1, WELCOME, JourneyState.ACTIVE);
    journeys.runs.add(run(10, 1, "c1", "active", null));
    journeys.runs.add(run(11, 1, "c2", "exited", "segment"));

    JourneyPage page = journeyPage(FakeRoleUser.viewer(), 1, null);
    assertThat(page.getRuns()).extracting(RunView::cioId).containsExactly("c1", "c2");
    assertThat(page.getMetrics().exited()).isEqualTo(1);
    assertThat(page.getTrigger()).isEqualTo("event signed_up");

    JourneyPage exited = journeyPage(FakeRoleUser.viewer(), 1, "exited");
    assertThat(exited.getRuns()).extracting(RunView::exitReason).containsExactly("segment");
    assertThat(journeyPage(FakeRoleUser.viewer(), 1, "bogus").getRuns()).hasSize(2);
    assertThat(journeys.askedState).isNull();
  }

  @Test
  void editorsPauseAndArchiveViewersMayNot() {
    journeys.add(1, WELCOME, JourneyState.ACTIVE);
    JourneyPage viewer = journeyPage(FakeRoleUser.viewer(), 1, null);
    viewer.pause();
    assertThat(messages.errors).containsExactly("Only admins and editors may change journeys.");
    assertThat(journeys.journeys.get(1L).state()).isEqualTo(JourneyState.ACTIVE);

    messages.errors.clear();
    JourneyPage editor = journeyPage(FakeRoleUser.editor(), 1, null);
    editor.pause();
    assertThat(editor.getJourneyState()).isEqualTo("paused");
    editor.archive();
    assertThat(journeys.journeys.get(1L).state()).isEqualTo(JourneyState.ARCHIVED);
    editor.activate();
    assertThat(messages.errors).singleElement().asString().contains("cannot become active");
  }

  @Test
  void anUnknownJourneyIsReported() {
    assertThat(journeyPage(FakeRoleUser.viewer(), 99, null).getJourney()).isNull();
    assertThat(messages.errors).containsExactly("There is no journey 99.");
  }

  @Test
  void aPersonsJourneysListEachRunWithItsJourneyAndSteps() {
    FakePeople people = new FakePeople();
    String cio = people.add(1, Json.createObjectBuilder().build(), Map.of()).cioId();
    journeys.add(1, WELCOME, JourneyState.ACTIVE);
    journeys.runs.add(run(10, 1, cio, "completed", null));
    journeys.runs.add(run(11, 1, "someone-else", "active", null));
    PersonJourneysPage page = new PersonJourneysPage();
    page.journeys = journeys;
    page.people = people;
    page.workspaces = new OneWorkspace();
    page.user = FakeRoleUser.viewer();
    page.messages = messages;
    page.setCio(cio);
    page.load();

    assertThat(page.getRows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.journey()).isEqualTo("Welcome");
              assertThat(r.run().steps())
                  .extracting(RunView.Step::outcome)
                  .containsExactly("entered", "sent");
            });

    PersonJourneysPage nobody = new PersonJourneysPage();
    nobody.journeys = journeys;
    nobody.people = people;
    nobody.workspaces = new OneWorkspace();
    nobody.user = FakeRoleUser.viewer();
    nobody.messages = messages;
    nobody.setCio("nope");
    nobody.load();
    assertThat(messages.errors).containsExactly("There is no person with cio_id nope.");
  }
}
