package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.Simulation;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.webadmin.fakes.FakeJourneys;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JourneyTestingTest {

  private final FakeJourneys journeys = new FakeJourneys();
  private final Messages messages = new Messages();

  private JourneyTesting open(FakeRoleUser user) {
    JourneysPage importer = new JourneysPage();
    importer.journeys = journeys;
    importer.workspaces = new OneWorkspace();
    importer.user = FakeRoleUser.editor();
    importer.messages = messages;
    importer.setDocument(StepEditorTest.DOCUMENT);
    importer.importDocument();
    JourneyPage page = new JourneyPage();
    page.journeys = journeys;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(1);
    page.load();
    JourneyTesting testing = new JourneyTesting();
    testing.page = page;
    testing.journeys = journeys;
    testing.workspaces = new OneWorkspace();
    testing.user = user;
    testing.messages = messages;
    return testing;
  }

  @Test
  void aTestSendGoesToThePersonWithItsDataAndViewersMayNotSend() {
    JourneyTesting testing = open(FakeRoleUser.editor());
    assertThat(testing.getSendNodes()).containsExactly("e1");
    testing.setSendNode("e1");
    testing.setSendPerson("ada@example.com");
    testing.setSendData("{\"plan\":\"pro\"}");
    testing.testSend();

    assertThat(journeys.testSends)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.node()).isEqualTo("e1");
              assertThat(s.person()).isEqualTo(new PersonRef(IdType.EMAIL, "ada@example.com"));
              assertThat(s.data().getString("plan")).isEqualTo("pro");
            });
    assertThat(messages.infos).contains("Test message of step e1 sent: delivery test-delivery-1.");

    testing.setSendData("[1]");
    testing.testSend();
    testing.setSendData("");
    testing.setSendPerson(" ");
    testing.testSend();
    assertThat(messages.errors)
        .containsExactly(
            "Test message not sent: Sample data must be a JSON object.",
            "Test message not sent: Person is required (an id, an email or cio_…).");

    JourneyTesting viewer = open(FakeRoleUser.viewer());
    viewer.setSendNode("e1");
    viewer.setSendPerson("42");
    viewer.testSend();
    assertThat(messages.errors).contains("Only admins and editors may send test messages.");
    assertThat(journeys.testSends).hasSize(1);
  }

  @Test
  void aSimulationReadsItsEventsAndShowsThePath() {
    JourneyTesting testing = open(FakeRoleUser.viewer());
    testing.setSimPerson("cio_abc");
    testing.setSimEvents("[{\"name\":\"activated\",\"data\":{},\"at_offset\":\"P2D\"}]");
    testing.simulate();

    Simulation s = testing.getSimulation();
    assertThat(journeys.simulated).containsExactly(new PersonRef(IdType.CIO_ID, "abc"));
    assertThat(s.steps())
        .extracting(Simulation.Step::outcome)
        .containsExactly("entered", "converted", "completed");
    assertThat(testing.offset(s.steps().get(1))).isEqualTo("PT48H");
    assertThat(s.horizon()).isEqualTo(FakeJourneys.T.plus(Duration.ofDays(90)));

    testing.setSimEvents("[{\"name\":\"x\",\"at_offset\":\"soon\"}]");
    testing.simulate();
    assertThat(testing.getSimulation()).isNull();
    testing.setSimEvents("");
    testing.setSimHorizon("P400D");
    testing.simulate();
    assertThat(messages.errors)
        .containsExactly(
            "Not simulated: Event 1 at_offset must be an ISO-8601 duration such as PT5H or P3D.",
            "Not simulated: Horizon must be more than 0 and at most P366D.");
  }

  @Test
  void aSimulationThePersonWouldNotEnterSaysWhy() {
    JourneyTesting testing = open(FakeRoleUser.viewer());
    testing.setSimPerson("kept-out");
    testing.simulate();

    assertThat(testing.getSimulation().end()).isEqualTo(Simulation.NOT_ENTERED);
    assertThat(messages.infos)
        .contains(
            "Simulated: the person would not enter (entry rule once: the person already entered"
                + " this journey).");
  }
}
