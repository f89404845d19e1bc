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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Stored content in the console: a snippet and a layout (live preview, its strict error, then for a
 * person) are made in the Content pages, a message picks the layout, and its test send through a
 * {@code dev-outbox} channel setting shows on the Dev outbox page with both rendered, in a
 * sandboxed iframe under a Content Security Policy; a layout in use is not deleted.
 */
class ContentConsoleUiIT extends MessagingConsoleTest {

  @Test
  void aSnippetAndALayoutMadeInTheConsoleShowInTheDevOutbox() throws Exception {
    String run = "co" + shortId();
    String email = run + "@example.com";
    identify(run, "{\"email\":\"" + email + "\",\"first_name\":\"Grace\"}");
    String setting = "outbox-" + run;
    Answer outbox =
        http()
            .put(
                "v1/channel_settings/" + setting,
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"dev-outbox\",\"default\":true,"
                    + "\"settings\":{\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    assertThat(
            console
                .waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("devOutboxLink")))
                .getText())
        .contains("dev outbox");

    // A snippet.
    String snippet = "footer_" + run;
    navigate("navSnippets", "/admin/snippets.xhtml");
    fill(By.id("snippetForm:name"), snippet);
    fill(By.id("snippetForm:value"), "Sent with care to {{ customer.first_name }}");
    console.driver().findElement(By.id("snippetForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("snippets.xhtml?name=" + snippet));
    assertThat(messages()).contains("Snippet “" + snippet + "” saved.");
    WebElement snippetRow = console.rowWith("snippet-row", "snippet-name", snippet);
    assertThat(snippetRow.findElement(By.className("snippet-tag")).getText())
        .isEqualTo("{{ snippets." + snippet + " }}");

    // A layout, previewed live as it is typed: without a person the snippet's variable is
    // undefined (strict), with one it renders.
    String layoutName = "Brand " + run;
    navigate("navLayouts", "/admin/layouts.xhtml");
    fill(By.id("layoutForm:name"), layoutName);
    fill(
        By.id("layoutForm:html"),
        "<html><body><header class=\"brand\">ACME</header>{{ content }}"
            + "<footer class=\"foot\">{{ snippets."
            + snippet
            + " }}</footer></body></html>");
    // The keyup previews are delayed: wait for the one of the whole text.
    console
        .waitFor()
        .until(
            d ->
                d.findElements(By.id("layoutPreviewErrorText")).stream()
                    .anyMatch(e -> e.getText().startsWith("snippets." + snippet)));
    console.ajaxDone();
    assertThat(text("layoutPreviewErrorText")).contains("customer");
    fill(By.id("layoutForm:person"), email);
    console.driver().findElement(By.id("layoutForm:preview")).click();
    console.ajaxDone();
    WebElement layoutFrame =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("layoutPreviewHtml")));
    assertThat(layoutFrame.getAttribute("sandbox")).isEmpty();
    assertThat(layoutFrame.getAttribute("srcdoc"))
        .contains("<header class=\"brand\">ACME</header>")
        .contains("data-herald-sample")
        .contains("Sent with care to Grace");
    console.screenshot("layout-preview");
    console.driver().findElement(By.id("layoutForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/layouts.xhtml?id="));
    assertThat(messages()).contains("Layout “" + layoutName + "” created.");
    String layoutUrl = console.driver().getCurrentUrl();
    String layoutId = layoutUrl.substring(layoutUrl.indexOf("id=") + 3).replaceAll("[^0-9].*", "");
    assertThat(console.rowWith("layout-row", "layout-name", layoutName)).isNotNull();

    // A message that uses the layout, sent as a test through the dev outbox.
    navigate("navMessages", "/admin/messages.xhtml");
    fill(By.id("messageForm:name"), "Content " + run);
    fill(By.id("messageForm:subject"), "Welcome {{customer.first_name}}");
    fill(By.id("messageForm:body"), "<p class=\"b\">Body for {{customer.first_name}}</p>");
    new Select(console.driver().findElement(By.id("messageForm:layoutId"))).selectByValue(layoutId);
    console.driver().findElement(By.id("messageForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/messages.xhtml?id="));
    assertThat(
            new Select(console.driver().findElement(By.id("messageForm:layoutId")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(layoutId);
    String deliveryId = sendTest(email);

    // The Dev outbox: the email, newest first, opened with the layout and snippet rendered.
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              console.open("admin/outbox.xhtml");
              List<WebElement> rows = console.rows("outbox-row", "outbox-delivery", deliveryId);
              return !rows.isEmpty()
                  && rows.get(0).findElement(By.className("outbox-state")).getText().equals("sent");
            });
    WebElement row = console.rowWith("outbox-row", "outbox-delivery", deliveryId);
    assertThat(row.findElement(By.className("outbox-to")).getText()).isEqualTo(email);
    assertThat(row.findElement(By.className("outbox-subject")).getText())
        .isEqualTo("Welcome Grace");
    assertThat(
            console
                .driver()
                .findElements(By.cssSelector("tr.outbox-row .outbox-delivery"))
                .get(0)
                .getText())
        .isEqualTo(deliveryId);
    row.findElement(By.className("outbox-subject")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("openedHtml")));
    assertThat(text("openedTo")).isEqualTo(email);
    assertThat(text("openedSetting")).isEqualTo(setting);
    WebElement frame = console.driver().findElement(By.id("openedHtml"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    assertThat(frame.getAttribute("srcdoc"))
        .contains("Content-Security-Policy")
        .contains("default-src 'none'")
        .contains("<header class=\"brand\">ACME</header><p class=\"b\">Body for Grace</p>");
    assertThat(text("openedText")).contains("Body for Grace").contains("Sent with care to Grace");
    console.driver().switchTo().frame(frame);
    assertThat(console.driver().findElement(By.cssSelector("footer.foot")).getText())
        .isEqualTo("Sent with care to Grace");
    console.driver().switchTo().defaultContent();
    console.screenshot("dev-outbox");

    // A layout in use is not deleted: the refusal names the message.
    navigate("navLayouts", "/admin/layouts.xhtml");
    console
        .rowWith("layout-row", "layout-name", layoutName)
        .findElement(By.className("delete-button"))
        .click();
    console
        .waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("layoutsForm:confirmYes")))
        .click();
    console.ajaxDone();
    assertThat(messages()).contains("Layout not deleted").contains("Content " + run);
    assertThat(console.rowWith("layout-row", "layout-name", layoutName)).isNotNull();
  }
}
