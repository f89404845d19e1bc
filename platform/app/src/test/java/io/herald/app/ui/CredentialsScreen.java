package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings, API credentials, as the browser sees it (ids and classes from the web-admin README).
 */
final class CredentialsScreen {

  static final String PATH = "admin/settings/credentials.xhtml";

  private final ConsoleBrowser console;

  CredentialsScreen(ConsoleBrowser console) {
    this.console = console;
  }

  CredentialsScreen open() {
    console.open(PATH);
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("credentialsForm")));
    return this;
  }

  /** Creates an App API key through the create form and returns the secret shown once. */
  String createAppKey(String name) {
    WebElement nameField =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("createForm:name")));
    new Select(console.driver().findElement(By.id("createForm:kind"))).selectByValue("APP");
    nameField.sendKeys(name);
    console.driver().findElement(By.id("createForm:create")).click();
    WebElement secret =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("newSecretValue")));
    console.waitFor().until(d -> !rows(name).isEmpty());
    assertThat(console.driver().findElement(By.id("newSecretName")).getText()).isEqualTo(name);
    assertThat(secret.getText()).hasSizeGreaterThan(12);
    return secret.getText();
  }

  /** The visible row of the credential named {@code name}, waiting for it. */
  WebElement row(String name) {
    return console.rowWith("credential-row", "credential-name", name);
  }

  /** The rows of credentials named {@code name}, without waiting. */
  List<WebElement> rows(String name) {
    return console.rows("credential-row", "credential-name", name);
  }

  /** The shown status of the credential named {@code name}: active or revoked. */
  String status(String name) {
    return row(name).findElement(By.className("credential-status")).getText();
  }

  /** The client id of the Revoke button in the row of {@code name}, as an admin's page has it. */
  String revokeButtonId(String name) {
    return row(name).findElement(By.className("revoke-button")).getAttribute("id");
  }

  /** What pressing the Revoke button {@code buttonId} would post (the confirm is client-side). */
  static Map<String, String> revokePostback(String buttonId) {
    return Map.of("credentialsForm", "credentialsForm", buttonId, buttonId);
  }

  /** What the create form would post for an App API key named {@code name}. */
  static Map<String, String> createPostback(String name) {
    return Map.of(
        "createForm", "createForm",
        "createForm:kind", "APP",
        "createForm:name", name,
        "createForm:create", "createForm:create");
  }
}
