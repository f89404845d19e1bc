package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The journey pages in headless Chromium on the real engine: a journey made and triggered through
 * the App API is listed, its page shows the person waiting at its delay, an editor pauses and
 * resumes it there, and the person's journeys page shows the run's step log.
 */
class JourneyConsoleUiIT extends ContainerTest {

  private static HeadlessChromium chromium;

  private ConsoleBrowser console;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void screens() {
    console = new ConsoleBrowser(chromium.driver(), base);
  }

  @Test
  void aJourneysRunsArePausedResumedAndReadPersonByPerson() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String customer = "jc-" + run;
    Answer identified =
        http()
            .put(
                "api/v1/customers/" + customer,
                Http.track(),
                "{\"email\":\"" + customer + "@example.com\"}");
    assertThat(identified.status()).as(identified.body()).isEqualTo(200);
    String cio =
        http()
            .get("v1/customers/" + customer + "/attributes", Http.app())
            .json()
            .at("/customer/identifiers/cio_id")
            .asText();
    String name = "Console journey " + run;
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                ("{'name':'"
                        + name
                        + "','trigger':{'type':'api'},'nodes':["
                        + "{'id':'wait','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
                        + "'next':'hello'},{'id':'hello','type':'send_email','settings':{"
                        + "'from':'a@acme.test','subject':'Hi','body':'b'}}]}")
                    .replace('\'', '"'));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/campaign/id").asLong();
    assertThat(http().post("v1/campaigns/" + id + "/activate", Http.app(), "").status())
        .isEqualTo(200);
    Answer triggered =
        http()
            .post(
                "v1/campaigns/" + id + "/triggers", Http.app(), "{\"ids\":[\"" + customer + "\"]}");
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http()
                    .get("v1/campaigns/" + id + "/runs", Http.app())
                    .json()
                    .at("/runs/0/node")
                    .asText()
                    .equals("wait"));

    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    console.navigate("navJourneys", "/admin/journeys.xhtml");
    WebElement row = console.rowWith("journey-row", "journey-name", name);
    assertThat(row.findElement(By.className("journey-state")).getText()).isEqualTo("active");
    assertThat(row.findElement(By.className("journey-trigger")).getText()).isEqualTo("API");

    console.open("admin/journey.xhtml?id=" + id);
    assertThat(text("journeyName")).isEqualTo(name);
    WebElement waiting = console.rowWith("run-row", "run-person", cio);
    assertThat(waiting.findElement(By.className("run-node")).getText()).isEqualTo("wait");
    assertThat(waiting.findElement(By.className("run-state")).getText()).isEqualTo("active");

    console.clickAndLoad(By.id("stateForm:pause"));
    assertThat(text("journeyState")).isEqualTo("paused");
    assertThat(messages()).contains("paused");
    console.clickAndLoad(By.id("stateForm:activate"));
    assertThat(text("journeyState")).isEqualTo("active");

    console.open("admin/person-journeys.xhtml?cio=" + cio);
    List<String> outcomes =
        console.driver().findElements(By.className("step-outcome")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(outcomes).containsExactly("entered", "waiting");
    assertThat(console.driver().findElement(By.className("run-journey")).getText()).isEqualTo(name);
  }

  private String messages() {
    return console.driver().findElement(By.id("messages")).getText();
  }

  private String text(String id) {
    return console.driver().findElement(By.id(id)).getText();
  }
}
