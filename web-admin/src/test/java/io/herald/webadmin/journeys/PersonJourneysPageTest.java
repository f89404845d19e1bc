package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.RunView;
import io.herald.webadmin.fakes.FakeJourneys;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonJourneysPageTest {

  private final FakeJourneys journeys = new FakeJourneys();
  private final Messages messages = new Messages();

  private static RunView run(long id, long journey, String cio, String state) {
    return new RunView(
        id,
        journey,
        1,
        cio,
        state,
        "e1",
        null,
        FakeJourneys.T,
        state.equals("active") ? null : FakeJourneys.T,
        null,
        List.of(
            new RunView.Step("e1", "entered", null, FakeJourneys.T),
            new RunView.Step("e1", "sent", "d-1", FakeJourneys.T)));
  }

  private PersonJourneysPage page(FakePeople people, String cio) {
    PersonJourneysPage page = new PersonJourneysPage();
    page.journeys = journeys;
    page.people = people;
    page.workspaces = new OneWorkspace();
    page.user = FakeRoleUser.viewer();
    page.messages = messages;
    page.setCio(cio);
    page.load();
    return page;
  }

  @Test
  void aPersonsJourneysListEachRunWithItsJourneyAndSteps() {
    FakePeople people = new FakePeople();
    String cio = people.add(1, Json.createObjectBuilder().build(), Map.of()).cioId();
    journeys.create(
        OneWorkspace.ID, Json.createReader(new StringReader(StepEditorTest.DOCUMENT)).readObject());
    journeys.runs.add(run(10, 1, cio, "completed"));
    journeys.runs.add(run(11, 1, "someone-else", "active"));

    assertThat(page(people, cio).getRows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.journey()).isEqualTo("Onboarding");
              assertThat(r.run().steps())
                  .extracting(RunView.Step::outcome)
                  .containsExactly("entered", "sent");
            });

    page(people, "nope");
    assertThat(messages.errors).containsExactly("There is no person with cio_id nope.");
  }
}
