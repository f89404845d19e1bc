package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Broadcasts in the console: on an API-triggered journey's page the broadcast form sends it to a
 * list (a manual segment) at a rate, and the progress table shows both members entered; a broadcast
 * at a local time far ahead shows as scheduled and is cancelled from the table.
 */
class BroadcastConsoleUiIT extends MessagingConsoleTest {

  @Test
  void aJourneyIsBroadcastToAListAndAScheduledBroadcastIsCancelled() {
    String run = "bc" + shortId();
    identify("bc-a-" + run, "{\"email\":\"bc-a-" + run + "@example.com\"}");
    identify("bc-b-" + run, "{\"email\":\"bc-b-" + run + "@example.com\"}");
    Answer segment =
        http().post("v1/segments", Http.app(), "{\"segment\":{\"name\":\"List " + run + "\"}}");
    assertThat(segment.status()).as(segment.body()).isEqualTo(200);
    long segmentId = segment.json().at("/segment/id").asLong();
    Answer added =
        http()
            .post(
                "api/v1/segments/" + segmentId + "/add_customers",
                Http.track(),
                "{\"ids\":[\"bc-a-" + run + "\",\"bc-b-" + run + "\"]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    Answer journey =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                "{\"name\":\"Broadcast "
                    + run
                    + "\",\"trigger\":{\"type\":\"api\"},\"nodes\":[{\"id\":\"mark\","
                    + "\"type\":\"update_attribute\",\"settings\":{\"attributes\":{\"got_"
                    + run
                    + "\":\"{{trigger.issue}}\"}}}]}");
    assertThat(journey.status()).as(journey.body()).isEqualTo(200);
    long id = journey.json().at("/campaign/id").asLong();
    assertThat(http().post("v1/campaigns/" + id + "/activate", Http.app(), "").status())
        .isEqualTo(200);

    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    console.open("admin/journey.xhtml?id=" + id);
    new Select(waitForField("broadcastForm:broadcastSegment"))
        .selectByValue(Long.toString(segmentId));
    fill(By.id("broadcastForm:broadcastRate"), "100");
    fill(By.id("broadcastForm:broadcastData"), "{\"issue\":\"December\"}");
    click("broadcastForm:broadcast");
    console.waitFor().until(d -> messages().contains("is scheduled."));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              console.open("admin/journey.xhtml?id=" + id);
              assertThat(cell("broadcast-state")).isEqualTo("sent");
              assertThat(cell("broadcast-entered")).isEqualTo("2");
            });
    assertThat(cell("broadcast-audience")).isEqualTo("2");
    assertThat(cell("broadcast-queued")).isEqualTo("0");
    assertThat(cell("broadcast-rate")).isEqualTo("100");

    // At 09:00 local time on a day far ahead: scheduled, then cancelled from the table.
    new Select(waitForField("broadcastForm:broadcastSegment"))
        .selectByValue(Long.toString(segmentId));
    ((JavascriptExecutor) console.driver())
        .executeScript(
            "arguments[0].click();",
            console.driver().findElement(By.cssSelector("input[value='local']")));
    fill(By.id("broadcastForm:broadcastTime"), "2099-01-01T09:00");
    click("broadcastForm:broadcast");
    console.waitFor().until(d -> messages().contains("is scheduled."));
    console.open("admin/journey.xhtml?id=" + id);
    assertThat(cell("broadcast-state")).isEqualTo("scheduled");
    assertThat(cell("broadcast-when")).isEqualTo("2099-01-01T09:00 local");
    click("cancelBroadcast");
    console.waitFor().until(d -> messages().contains("is cancelled: nobody else enters."));
    console.open("admin/journey.xhtml?id=" + id);
    assertThat(cell("broadcast-state")).isEqualTo("cancelled");
  }

  private WebElement waitForField(String id) {
    return console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /** A cell of the newest broadcast (the table's first row). */
  private String cell(String styleClass) {
    return console
        .driver()
        .findElement(By.className("broadcast-row"))
        .findElement(By.className(styleClass))
        .getText();
  }

  private void click(String idSuffix) {
    WebElement button =
        console
            .waitFor()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[id$='" + idSuffix + "']")));
    ((JavascriptExecutor) console.driver()).executeScript("arguments[0].click();", button);
    console.ajaxDone();
  }
}
