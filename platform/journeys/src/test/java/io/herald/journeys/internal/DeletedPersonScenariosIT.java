package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.shared.persistence.Transactions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A deleted person's date schedule rows and active runs, on a real database. */
class DeletedPersonScenariosIT {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private static final String TRIAL =
      "{'name':'Trial ends','trigger':{'type':'date','attribute':'trial_ends_at',"
          + "'offset':{'days':-3},'at':'09:00'},'nodes':["
          + "{'id':'m','type':'send_email','settings':{'from':'a@x.test','subject':'Soon',"
          + "'body':'b'}}]}";

  private static final String DRIP =
      "{'name':'Drip','trigger':{'type':'api'},'nodes':["
          + "{'id':'d','type':'delay','settings':{'duration':{'value':2,'unit':'days'}},"
          + "'next':'m'},"
          + "{'id':'m','type':'send_email','settings':{'from':'a@x.test','subject':'Later',"
          + "'body':'b'}}]}";

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  @Test
  void aDeletedPersonsScheduleGoesAndTheirRunsExit() throws Exception {
    Scenario s = new Scenario(T0);
    s.person("ann", "{\"trial_ends_at\":\"2026-11-20\"}");
    s.person("ben", "{\"trial_ends_at\":\"2026-11-20\"}");
    long trial = s.activeJourney(TRIAL);
    long drip = s.activeJourney(DRIP);
    s.enter(drip, "ann", Json.object("{}"));
    s.enter(drip, "ben", Json.object("{}"));
    s.advance(Duration.ofMinutes(1));
    assertThat(scheduled(s)).isEqualTo(2);

    int exited = s.engine.deletedPeople.forget(s.ws, "ann");
    s.advanceTo(Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(exited).isEqualTo(1);
    assertThat(scheduled(s)).as("ben's row is kept, fired and done").isEqualTo(1);
    RunView ann = s.runOf(drip, "ann");
    assertThat(ann.state()).isEqualTo("exited");
    assertThat(ann.exitReason()).isEqualTo("person_deleted");
    assertThat(s.runOf(drip, "ben").state()).isEqualTo("completed");
    assertThat(s.runs(trial)).extracting(RunView::cioId).containsExactly("ben");
    // The pollers run every workspace's due timers: look at this scenario's people only.
    assertThat(s.effects.sentTo("ann")).isEmpty();
    assertThat(s.effects.sentTo("ben")).hasSize(2);
    long timers =
        Transactions.autoCommit(
            JourneyTestDatabase.dataSource(),
            "test",
            c -> Sql.count(c, "SELECT COUNT(*) FROM journeys_timer WHERE run_id = ?", ann.id()));
    assertThat(timers).isZero();
  }

  private static long scheduled(Scenario s) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c ->
            Sql.count(
                c, "SELECT COUNT(*) FROM journeys_date_schedule WHERE workspace_id = ?", s.ws));
  }
}
