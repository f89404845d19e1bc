package io.herald.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.time.Duration;

/** The App API calls a journey container test makes: create and activate, trigger, await a run. */
final class JourneyCalls {

  private final Http http;

  JourneyCalls(Http http) {
    this.http = http;
  }

  /** Creates the journey document and activates it; returns the campaign id. */
  long createActive(String document) {
    Answer created = http.post("v1/campaigns", Http.app(), document);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long campaign = created.json().at("/campaign/id").asLong();
    Answer activated = http.post("v1/campaigns/" + campaign + "/activate", Http.app(), "");
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    return campaign;
  }

  /** {@code POST /v1/campaigns/{id}/triggers} with Customer.io's body. */
  void trigger(long campaign, String body) {
    Answer triggered = http.post("v1/campaigns/" + campaign + "/triggers", Http.app(), body);
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
  }

  /** Waits until the journey's only run has completed; returns that run's step log. */
  JsonNode completedRunSteps(long campaign, Duration patience) {
    await()
        .atMost(patience)
        .untilAsserted(
            () ->
                assertThat(
                        http.get("v1/campaigns/" + campaign + "/runs?state=completed", Http.app())
                            .json()
                            .path("runs"))
                    .hasSize(1));
    long runId =
        http.get("v1/campaigns/" + campaign + "/runs", Http.app()).json().at("/runs/0/id").asLong();
    return http.get("v1/campaigns/" + campaign + "/runs/" + runId, Http.app())
        .json()
        .at("/run/steps");
  }
}
