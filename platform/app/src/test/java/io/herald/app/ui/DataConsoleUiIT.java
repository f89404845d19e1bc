package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's data pages end to end in headless Chromium: data is created through the public APIs
 * (Track v1 people and events, App API objects with relationships, a Pipelines track that is
 * dropped), then People search (email prefix, attribute, id-prefix paging), a person's page, the
 * objects pages and Data-in are read as the admin and as a viewer. The search runs against the real
 * database, so this is also the test of {@code PeopleService.search}'s SQL.
 */
class DataConsoleUiIT extends ContainerTest {

  private static final String VIEWER_PASSWORD = "viewer-password-" + shortId();

  /** A value meant to be shown as text, never interpreted as markup. */
  private static final String MARKUP =
      "<b class=\"injected\">bold</b><script>window.pwned=1</script>";

  private static HeadlessChromium chromium;
  private static Data data;
  private static String viewerEmail;

  private ConsoleBrowser console;
  private PeopleScreen people;

  /** What the tests created through the APIs. */
  private record Data(String run, String adaId, String adaEmail, String adaCio, String typeId) {
    String typeName() {
      return "Companies " + run;
    }

    String objectId() {
      return "acme-" + run;
    }

    String pagedPrefix() {
      return run + "-p";
    }
  }

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
    people = new PeopleScreen(console);
  }

  @Test
  void searchFindsThePersonByEmailPrefixInAnyCaseAndByAttribute() {
    Data d = data();
    signInAsAdmin();
    console.navigate("navPeople", "/admin/people.xhtml");

    people.search(d.adaEmail().substring(0, 12).toUpperCase());
    assertThat(people.ids()).containsExactly(d.adaId());
    WebElement row = people.row(d.adaId());
    assertThat(row.findElement(By.className("person-email")).getText()).isEqualTo(d.adaEmail());
    assertThat(row.findElement(By.className("person-cio")).getText()).isEqualTo(d.adaCio());
    assertThat(row.findElement(By.className("person-unsubscribed")).getText())
        .isEqualTo("subscribed");
    console.screenshot("people-search");

    people.search("plan = pro-" + d.run());
    assertThat(people.ids()).containsExactly(d.adaId());
    people.search("seats=3");
    assertThat(people.ids()).contains(d.adaId());
    people.search("plan = PRO-" + d.run());
    assertThat(people.ids()).as("attribute values match exactly").isEmpty();

    people.search(d.adaCio());
    assertThat(people.ids()).as("an exact cio_id").containsExactly(d.adaId());
    people.search(d.adaCio().substring(0, d.adaCio().length() - 1));
    assertThat(people.ids()).as("a cio_id is never a prefix").isEmpty();
  }

  @Test
  void searchPagesTwentyFiveAtATimeNewestFirst() {
    Data d = data();
    signInAsAdmin();
    people.open().search(d.pagedPrefix());

    List<String> first = people.ids();
    assertThat(first).hasSize(25);
    assertThat(first.get(0)).isEqualTo(d.pagedPrefix() + "27");
    assertThat(first.get(24)).isEqualTo(d.pagedPrefix() + "03");
    assertThat(people.saysMoreFollow()).isTrue();
    console.screenshot("people-paged");

    people.nextPage(d.pagedPrefix() + "01");
    assertThat(people.ids()).containsExactly(d.pagedPrefix() + "02", d.pagedPrefix() + "01");
    console.waitFor().until(x -> !people.saysMoreFollow());

    // LIKE wildcards in the search text match only themselves.
    people.search(d.run() + "-%");
    assertThat(people.ids()).isEmpty();
  }

  @Test
  void personPageShowsAttributesTheRelationshipAndTheEvent() {
    Data d = data();
    signInAsAdmin();
    people.open().search(d.adaId());
    people.openPerson(d.adaId());

    assertThat(text("personCio")).isEqualTo(d.adaCio());
    assertThat(text("personId")).isEqualTo(d.adaId());
    assertThat(text("personEmail")).isEqualTo(d.adaEmail());
    assertThat(attribute("plan")).isEqualTo("pro-" + d.run());
    assertThat(attribute("seats")).isEqualTo("3");
    WebElement planRow = console.rowWith("attribute-row", "attribute-name", "plan");
    assertThat(planRow.findElement(By.className("attribute-set-at")).getText()).endsWith("UTC");

    // User-supplied text is shown, never run or rendered as markup.
    assertThat(attribute("note")).isEqualTo(MARKUP);
    assertThat(console.absent(By.cssSelector("b.injected"))).isTrue();
    assertThat(((JavascriptExecutor) console.driver()).executeScript("return window.pwned"))
        .isNull();

    WebElement relationship =
        console.rowWith("relationship-row", "relationship-object", d.objectId());
    assertThat(relationship.findElement(By.className("relationship-type")).getText())
        .isEqualTo(d.typeName());
    assertThat(relationship.findElement(By.className("relationship-attributes")).getText())
        .isEqualTo("{\"role\":\"owner\"}");

    WebElement device = console.rowWith("device-row", "device-token", "tok-" + d.run());
    assertThat(device.findElement(By.className("device-platform")).getText()).isEqualTo("IOS");
    assertThat(device.findElement(By.className("device-attributes")).getText())
        .isEqualTo("{\"app_version\":\"1.2.3\"}");

    WebElement event = console.rowWith("event-row", "event-name", "signed_up");
    assertThat(event.findElement(By.className("event-type")).getText()).isEqualTo("event");
    assertThat(event.findElement(By.className("event-data")).getText())
        .isEqualTo("{\"source\":\"ui-" + d.run() + "\"}");
    assertThat(console.absent(By.id("olderEvents"))).isTrue();
    console.screenshot("person");

    relationship.findElement(By.className("relationship-object")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/object.xhtml"));
    assertThat(text("objectId")).isEqualTo(d.objectId());
  }

  @Test
  void objectsPageListsTheObjectAndItsPageTheRelatedPerson() {
    Data d = data();
    signInAsAdmin();
    console.navigate("navObjects", "/admin/objects.xhtml");
    console
        .rowWith("type-row", "type-id", d.typeId())
        .findElement(By.className("type-name"))
        .click();
    console.waitFor().until(ExpectedConditions.urlContains("type=" + d.typeId()));
    assertThat(text("selectedType")).isEqualTo(d.typeName());
    WebElement object = console.rowWith("object-row", "object-id", d.objectId());
    assertThat(object.findElement(By.className("object-attributes")).getText())
        .isEqualTo("{\"name\":\"Acme " + d.run() + "\"}");
    console.screenshot("objects");

    object.findElement(By.className("object-id")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("objectId")));
    assertThat(text("objectType")).isEqualTo(d.typeName());
    assertThat(text("cioObjectId")).isNotBlank();
    assertThat(attribute("name")).isEqualTo("Acme " + d.run());
    WebElement related = console.rowWith("related-person-row", "related-person-id", d.adaId());
    assertThat(related.findElement(By.className("related-person-email")).getText())
        .isEqualTo(d.adaEmail());
    assertThat(related.findElement(By.className("related-person-attributes")).getText())
        .isEqualTo("{\"role\":\"owner\"}");
    console.screenshot("object");

    related.findElement(By.className("related-person-cio")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("personCio")));
    assertThat(text("personCio")).isEqualTo(d.adaCio());
  }

  @Test
  void dataInPageShowsTheDroppedPipelinesMessageAndWhy() {
    Data d = data();
    signInAsAdmin();
    console.navigate("navDataIn", "/admin/data-in.xhtml");

    WebElement drop = console.rowWith("drop-row", "drop-message-id", "drop-" + d.run());
    assertThat(drop.findElement(By.className("drop-call")).getText()).isEqualTo("track");
    assertThat(drop.findElement(By.className("drop-reason")).getText())
        .contains("event: required for track");
    assertThat(console.bodyText()).contains("permissive mode", "200");
    console.screenshot("data-in");
  }

  @Test
  void aViewerReadsEveryDataPageAndFindsNothingToChange() {
    Data d = data();
    String viewer = viewer();
    console.signIn(viewer, VIEWER_PASSWORD);

    console.navigate("navPeople", "/admin/people.xhtml");
    people.search(d.adaId());
    assertThat(people.ids()).containsExactly(d.adaId());
    assertNoWriteControls();
    people.openPerson(d.adaId());
    assertThat(attribute("plan")).isEqualTo("pro-" + d.run());
    console.rowWith("event-row", "event-name", "signed_up");
    assertNoWriteControls();
    console.screenshot("person-viewer");

    console.open("admin/objects.xhtml?type=" + d.typeId());
    console.rowWith("object-row", "object-id", d.objectId());
    assertNoWriteControls();
    console.open("admin/object.xhtml?type=" + d.typeId() + "&id=" + d.objectId());
    console.rowWith("related-person-row", "related-person-id", d.adaId());
    assertNoWriteControls();

    console.navigate("navDataIn", "/admin/data-in.xhtml");
    console.rowWith("drop-row", "drop-message-id", "drop-" + d.run());
    assertNoWriteControls();
  }

  // --- steps --------------------------------------------------------------------------------

  /** Only the search button and Log out may submit anything on a data page. */
  private void assertNoWriteControls() {
    List<String> controls =
        console
            .driver()
            .findElements(
                By.cssSelector("button, input[type=submit], input[type=button], .ui-commandlink"))
            .stream()
            .filter(WebElement::isDisplayed)
            .map(e -> String.valueOf(e.getAttribute("id")))
            .filter(id -> !id.equals("search") && !id.equals("logoutForm:logout"))
            .toList();
    assertThat(controls).as("controls besides search and logout").isEmpty();
  }

  /** The people, events, object and drop this class reads, created once through the APIs. */
  private Data data() {
    if (data == null) {
      String run = "dc" + shortId();
      Http http = http();
      String ada = run + "-ada";
      String email = "Ada." + run + "@Example.com";
      Answer identified =
          http.put(
              "api/v1/customers/" + ada,
              Http.track(),
              "{\"email\":\""
                  + email
                  + "\",\"plan\":\"pro-"
                  + run
                  + "\",\"seats\":3,\"note\":\""
                  + MARKUP.replace("\"", "\\\"")
                  + "\"}");
      assertThat(identified.status()).as(identified.body()).isEqualTo(200);
      Answer event =
          http.post(
              "api/v1/customers/" + ada + "/events",
              Http.track(),
              "{\"name\":\"signed_up\",\"data\":{\"source\":\"ui-" + run + "\"}}");
      assertThat(event.status()).as(event.body()).isEqualTo(200);
      Answer device =
          http.put(
              "api/v1/customers/" + ada + "/devices",
              Http.track(),
              "{\"device\":{\"id\":\"tok-"
                  + run
                  + "\",\"platform\":\"ios\","
                  + "\"attributes\":{\"app_version\":\"1.2.3\"}}}");
      assertThat(device.status()).as(device.body()).isEqualTo(200);
      for (int i = 1; i <= 27; i++) {
        String id = run + "-p" + String.format("%02d", i);
        assertThat(http.put("api/v1/customers/" + id, Http.track(), "{}").status()).isEqualTo(200);
      }
      String cio =
          http.get("v1/customers/" + ada + "/attributes", Http.app())
              .json()
              .at("/customer/identifiers/cio_id")
              .asText();

      Answer type =
          http.post("v1/object_types", Http.app(), "{\"name\":\"Companies " + run + "\"}");
      assertThat(type.status()).as(type.body()).isEqualTo(201);
      String typeId = type.json().at("/type/id").asText();
      Answer object =
          http.put(
              "v1/objects/" + typeId + "/acme-" + run,
              Http.app(),
              "{\"attributes\":{\"name\":\"Acme "
                  + run
                  + "\"},\"cio_relationships\":[{\"identifiers\":{\"id\":\""
                  + ada
                  + "\"},\"relationship_attributes\":{\"role\":\"owner\"}}]}");
      assertThat(object.status()).as(object.body()).isIn(200, 201);

      Answer dropped =
          http.post(
              "v1/track",
              Http.basic(ItConfig.writeKey(), ""),
              "{\"userId\":\"" + ada + "\",\"messageId\":\"drop-" + run + "\"}");
      assertThat(dropped.status()).as("permissive mode").isEqualTo(200);
      data = new Data(run, ada, email, cio, typeId);
    }
    return data;
  }

  private void signInAsAdmin() {
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
  }

  /** A viewer account, created by the admin through the users page on first use. */
  private String viewer() {
    if (viewerEmail == null) {
      String email = "dc-viewer-" + shortId() + "@example.test";
      signInAsAdmin();
      UsersScreen users = new UsersScreen(console).open();
      users.submit(email, VIEWER_PASSWORD, "VIEWER");
      assertThat(users.role(email)).isEqualTo("viewer");
      viewerEmail = email;
    }
    return viewerEmail;
  }

  /** The value shown for attribute {@code name} on a person or object page. */
  private String attribute(String name) {
    return console
        .rowWith("attribute-row", "attribute-name", name)
        .findElement(By.className("attribute-value"))
        .getText();
  }

  private String text(String id) {
    return console.driver().findElement(By.id(id)).getText();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
