package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The segment pages end to end in headless Chromium, on the real data-segment service, SQL compiler
 * and real-time engine: a data segment with nested groups is built in the browser while the preview
 * follows every change, saved, and gains members as Track API data arrives; a manual segment is
 * created, takes a person and a CSV upload, and refuses a malformed CSV; a viewer reads the pages
 * and finds nothing to change.
 */
class SegmentConsoleUiIT extends ContainerTest {

  private static final String VIEWER_PASSWORD = "viewer-password-" + shortId();

  private static HeadlessChromium chromium;

  private ConsoleBrowser console;
  private BuilderScreen builder;

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
    builder = new BuilderScreen(console);
  }

  @Test
  void aNestedDataSegmentIsBuiltWithALivePreviewAndGainsMembersAsDataArrives() {
    String run = "sb" + shortId();
    String plan = "pro-" + run;
    identify(run + "-a", "{\"plan\":\"" + plan + "\",\"seats\":2}");
    identify(run + "-b", "{\"plan\":\"" + plan + "\",\"seats\":3}");
    identify(run + "-c", "{\"plan\":\"" + plan + "\",\"seats\":500}");
    identify(run + "-d", "{\"plan\":\"free-" + run + "\",\"seats\":900}");
    signInAsAdmin();

    builder.openNew();
    builder.name("Buyers " + run);
    // 1: plan equals pro-<run>: three people.
    builder.addCondition("top");
    builder.type("leaf-1", "attribute-name", "plan");
    builder.type("leaf-1", "match-value", plan);
    builder.awaitPreview(3);
    assertThat(builder.sample()).hasSize(3);

    // 2: ANY of (2.1 performed purchase-<run>, 2.2 ALL of (seats > 100)).
    builder.addGroup("top");
    builder.select("open-2", "group-kind", "ANY of (or)");
    assertThat(builder.problems()).contains("Condition 2.1, attribute: name the attribute");
    builder.select("leaf-2.1", "leaf-kind", "Event");
    builder.type("leaf-2.1", "event-name", "purchase-" + run);
    builder.awaitPreview(0);
    builder.addGroup("2");
    builder.type("leaf-2.2.1", "attribute-name", "seats");
    builder.select("leaf-2.2.1", "match-operator", "is greater than");
    builder.type("leaf-2.2.1", "match-value", "lots");
    assertThat(builder.problems()).contains("Condition 2.2.1, value: 'lots' is not a number");
    builder.type("leaf-2.2.1", "match-value", "100");
    builder.awaitPreview(1);
    // NOT on the nested group selects the other two; off again.
    builder.toggleNot("open-2.2");
    builder.awaitPreview(2);
    builder.toggleNot("open-2.2");
    builder.awaitPreview(1);
    console.screenshot("segment-builder");

    long id = builder.save();
    assertThat(text("segmentType")).isEqualTo("data");
    awaitMember(id, run + "-c");

    // Data arriving through the Track API moves people in and out in real time.
    Answer purchase =
        http()
            .post(
                "api/v1/customers/" + run + "-a/events",
                Http.track(),
                "{\"name\":\"purchase-" + run + "\"}");
    assertThat(purchase.status()).as(purchase.body()).isEqualTo(200);
    identify(run + "-c", "{\"seats\":5}");
    awaitMember(id, run + "-a");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> reloadSegment(id) && memberIds().equals(List.of(run + "-a")));
    WebElement entered = console.rowWith("change-row", "change-who", run + "-a");
    assertThat(entered.findElement(By.className("change-kind")).getText()).isEqualTo("entered");
    assertThat(entered.findElement(By.className("change-cause")).getText()).isEqualTo("event");
    assertThat(console.rows("change-row", "change-who", run + "-c")).hasSize(2);
    console.screenshot("segment-data");

    // The list shows the member count and the week's growth: two enters, one exit.
    console.navigate("navSegments", "/admin/segments.xhtml");
    WebElement row = console.rowWith("segment-row", "segment-name", "Buyers " + run);
    assertThat(row.findElement(By.className("segment-members")).getText()).isEqualTo("1");
    assertThat(row.findElement(By.className("segment-growth")).getText()).isEqualTo("+1");
    assertThat(row.findElement(By.className("segment-flow")).getText()).isEqualTo("(+2 / −1)");

    // Editing shows the saved tree again.
    console.open("admin/segment-builder.xhtml?id=" + id);
    console.ajaxDone();
    builder.awaitPreview(1);
    assertThat(
            console
                .driver()
                .findElement(By.cssSelector("[data-row='leaf-2.2.1'] .match-value"))
                .getAttribute("value"))
        .isEqualTo("100");
  }

  @Test
  void aManualSegmentTakesAPersonAndACsvAndRefusesAMalformedOne() throws IOException {
    String run = "sm" + shortId();
    identify(run + "-a", "{\"email\":\"" + run + "-a@example.com\"}");
    identify(run + "-b", "{}");
    identify(run + "-c", "{}");
    signInAsAdmin();

    console.navigate("navSegments", "/admin/segments.xhtml");
    fill("createForm:name", "Beta " + run);
    console.driver().findElement(By.id("createForm:createManual")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/segment.xhtml?id="));
    assertThat(messages()).contains("Segment “Beta " + run + "” created.");
    assertThat(text("segmentType")).isEqualTo("manual");

    new Select(console.driver().findElement(By.id("memberForm:idType"))).selectByValue("EMAIL");
    fill("memberForm:reference", run.toUpperCase() + "-A@EXAMPLE.COM");
    submit("memberForm:addPerson");
    assertThat(messages()).contains("Added email " + run.toUpperCase() + "-A@EXAMPLE.COM");
    console.rowWith("member-row", "member-id", run + "-a");

    Path csv = Files.createTempFile("members", ".csv");
    Files.writeString(
        csv, "id\n" + run + "-a\n\"" + run + "-b\"\r\n" + run + "-nobody\n" + run + "-c\n");
    upload("ID", csv);
    assertThat(messages())
        .contains(
            "CSV uploaded: 4 rows; 2 added, 1 already members, 1 skipped (no person has that id).");
    assertThat(text("segmentCount")).isEqualTo("3");
    assertThat(memberIds()).containsExactly(run + "-a", run + "-b", run + "-c");
    console.screenshot("segment-manual");

    Files.writeString(csv, run + "-a\n" + run + "-b,Ada\n");
    upload("ID", csv);
    assertThat(messages())
        .contains("CSV not uploaded: line 2 has 2 values; the file must have one column of ids.");
    assertThat(text("segmentCount")).isEqualTo("3");
    Files.delete(csv);

    // The person's link opens the person page.
    console
        .rowWith("member-row", "member-id", run + "-b")
        .findElement(By.className("member-cio"))
        .click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("personCio")));
    assertThat(text("personId")).isEqualTo(run + "-b");
  }

  @Test
  void aViewerReadsTheSegmentPagesButFindsNothingToChange() {
    String run = "sv" + shortId();
    Answer created =
        http()
            .post(
                "v1/segments", Http.app(), "{\"segment\":{\"name\":\"Viewer check " + run + "\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/segment/id").asLong();
    console.signIn(viewer(), VIEWER_PASSWORD);

    console.navigate("navSegments", "/admin/segments.xhtml");
    console.rowWith("segment-row", "segment-name", "Viewer check " + run);
    assertThat(console.absent(By.id("createForm"))).isTrue();
    assertThat(console.absent(By.id("newDataSegment"))).isTrue();
    console.open("admin/segment.xhtml?id=" + id);
    assertThat(text("segmentName")).isEqualTo("Viewer check " + run);
    assertThat(console.absent(By.id("memberForm"))).isTrue();
    assertThat(console.absent(By.id("uploadForm"))).isTrue();
    assertThat(console.absent(By.id("deleteForm"))).isTrue();
    console.open("admin/segment-builder.xhtml");
    assertThat(console.absent(By.id("builderForm"))).isTrue();
    assertThat(messages()).contains("Only admins and editors may build segments.");
  }

  // --- steps --------------------------------------------------------------------------------

  private void identify(String id, String body) {
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private void awaitMember(long segmentId, String customerId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> reloadSegment(segmentId) && memberIds().contains(customerId));
  }

  private boolean reloadSegment(long segmentId) {
    console.open("admin/segment.xhtml?id=" + segmentId);
    return !console.driver().findElements(By.id("segmentId")).isEmpty();
  }

  private List<String> memberIds() {
    return console.driver().findElements(By.cssSelector("tr.member-row .member-id")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void upload(String idType, Path csv) {
    new Select(console.driver().findElement(By.id("uploadForm:csvIdType"))).selectByValue(idType);
    console
        .driver()
        .findElement(By.id("uploadForm:csvFile"))
        .sendKeys(csv.toAbsolutePath().toString());
    submit("uploadForm:uploadCsv");
  }

  /** Clicks a full-postback button and waits for the page it renders. */
  private void submit(String buttonId) {
    console.clickAndLoad(By.id(buttonId));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("segmentId")));
  }

  private void fill(String id, String text) {
    WebElement field =
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    field.clear();
    field.sendKeys(text);
  }

  private String messages() {
    return console.driver().findElement(By.id("messages")).getText();
  }

  private String text(String id) {
    return console.driver().findElement(By.id(id)).getText();
  }

  private void signInAsAdmin() {
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
  }

  /** A viewer account, created by the admin through the users page. */
  private String viewer() {
    String email = "sc-viewer-" + shortId() + "@example.test";
    signInAsAdmin();
    UsersScreen users = new UsersScreen(console).open();
    users.submit(email, VIEWER_PASSWORD, "VIEWER");
    assertThat(users.role(email)).isEqualTo("viewer");
    return email;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
