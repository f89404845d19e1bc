package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Journeys in the console: a journey document imported on the Journeys page opens as a draft, its
 * steps are edited in the structured step editor (a bad edge is refused with its JSON path), it is
 * activated, a Track event starts a run for a person, the run shows on the journey's page with its
 * step log and on the person's page, and pausing it works.
 */
class JourneysConsoleUiIT extends MessagingConsoleTest {

  @Test
  void aJourneyImportedAndEditedInTheConsoleRunsForAPerson() {
    String run = "jy" + shortId();
    String event = "ui_signed_up_" + run;
    String name = "Onboarding " + run;
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());

    navigate("navJourneys", "/admin/journeys.xhtml");
    fill(
        By.id("importForm:document"),
        "{\"name\":\""
            + name
            + "\",\"trigger\":{\"type\":\"event\",\"event\":\""
            + event
            + "\"},\"entry\":{\"rule\":\"once\"},\"nodes\":["
            + "{\"id\":\"mark\",\"type\":\"update_attribute\","
            + "\"settings\":{\"attributes\":{\"journey_"
            + run
            + "\":\"entered\"}},\"next\":\"wait\"},"
            + "{\"id\":\"wait\",\"type\":\"delay\","
            + "\"settings\":{\"duration\":{\"value\":1,\"unit\":\"days\"}},\"next\":\"done\"},"
            + "{\"id\":\"done\",\"type\":\"exit\"}]}");
    console.driver().findElement(By.id("importForm:import")).click();
    console.waitFor().until(ExpectedConditions.urlContains("journey.xhtml?id="));
    assertThat(messages()).contains("Journey “" + name + "” imported as a draft.");
    assertThat(text("journeyState")).isEqualTo("draft");
    assertThat(text("journeyTrigger")).isEqualTo("event “" + event + "”");
    String journeyUrl = console.driver().getCurrentUrl();

    // The step editor: three steps; a dangling edge is refused with its path, a longer delay saved.
    List<WebElement> settings = stepFields("step-settings");
    assertThat(settings).hasSize(3);
    List<WebElement> next = stepFields("step-next");
    next.get(0).clear();
    next.get(0).sendKeys("nowhere");
    click("saveSteps");
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.className("step-problem")));
    assertThat(console.driver().findElement(By.className("step-problem")).getText())
        .isEqualTo("$.nodes[0].next: no node has id 'nowhere' (dangling edge)");
    next = stepFields("step-next");
    next.get(0).clear();
    next.get(0).sendKeys("wait");
    settings = stepFields("step-settings");
    settings.get(1).clear();
    settings.get(1).sendKeys("{\"duration\":{\"value\":2,\"unit\":\"days\"}}");
    click("saveSteps");
    console.waitFor().until(d -> messages().contains("Steps saved"));
    assertThat(messages()).contains("is at version 1.");
    assertThat(stepFields("step-settings").get(1).getAttribute("value"))
        .isEqualTo("{\"duration\":{\"value\":2,\"unit\":\"days\"}}");

    click("activate");
    console.waitFor().until(d -> text("journeyState").equals("active"));

    // A person performs the trigger event: a run starts, runs the first step and waits.
    String person = "jy-" + run;
    identify(person, "{\"email\":\"" + person + "@example.com\"}");
    Answer tracked =
        http()
            .post(
                "api/v1/customers/" + person + "/events",
                Http.track(),
                "{\"name\":\"" + event + "\"}");
    assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              console.driver().navigate().to(journeyUrl);
              assertThat(console.driver().findElements(By.className("run-row"))).hasSize(1);
              assertThat(rowText("run-node")).isEqualTo("wait");
            });
    assertThat(rowText("run-state")).isEqualTo("active");
    String cio = rowText("run-person");
    assertThat(text("metricEntered")).isEqualTo("1");

    console.driver().findElement(By.className("run-id")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("runDetail")));
    assertThat(
            console.driver().findElements(By.className("run-step-node")).stream()
                .map(WebElement::getText)
                .toList())
        .contains("mark", "wait");

    // The person's page links to their journeys, which list this one with its step log.
    console.driver().findElement(By.className("run-person")).click();
    console.waitFor().until(ExpectedConditions.urlContains("person.xhtml"));
    console
        .waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("personJourneys")))
        .click();
    console.waitFor().until(ExpectedConditions.urlContains("person-journeys.xhtml"));
    assertThat(console.driver().findElement(By.className("run-journey")).getText()).isEqualTo(name);
    assertThat(
            console.driver().findElements(By.className("step-outcome")).stream()
                .map(WebElement::getText)
                .toList())
        .contains("entered");
    assertThat(cio).isNotBlank();

    console.driver().navigate().to(journeyUrl);
    click("pause");
    console.waitFor().until(d -> text("journeyState").equals("paused"));
    assertThat(console.driver().findElements(By.cssSelector("[id$='activate']")))
        .singleElement()
        .satisfies(b -> assertThat(b.getText()).isEqualTo("Resume"));
  }

  private List<WebElement> stepFields(String styleClass) {
    return console.driver().findElements(By.cssSelector("." + styleClass));
  }

  private void click(String idSuffix) {
    ((JavascriptExecutor) console.driver()).executeScript("window.scrollTo(0, 0);");
    WebElement button =
        console
            .waitFor()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[id$='" + idSuffix + "']")));
    ((JavascriptExecutor) console.driver()).executeScript("arguments[0].click();", button);
    console.ajaxDone();
  }

  private String rowText(String styleClass) {
    return console
        .driver()
        .findElement(By.className("run-row"))
        .findElement(By.className(styleClass))
        .getText();
  }
}
