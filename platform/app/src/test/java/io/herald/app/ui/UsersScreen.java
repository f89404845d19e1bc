package io.herald.app.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Settings, users, as the browser sees it (ids and classes from the web-admin README). */
final class UsersScreen {

  static final String PATH = "admin/settings/users.xhtml";

  private final ConsoleBrowser console;

  UsersScreen(ConsoleBrowser console) {
    this.console = console;
  }

  UsersScreen open() {
    console.open(PATH);
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("usersForm")));
    return this;
  }

  /** Fills in and submits the create form; {@code role} is an option value such as VIEWER. */
  void submit(String email, String password, String role) {
    WebElement emailField =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("createUserForm:email")));
    emailField.clear();
    emailField.sendKeys(email);
    WebElement passwordField = passwordField();
    passwordField.clear();
    passwordField.sendKeys(password);
    new Select(console.driver().findElement(By.id("createUserForm:role"))).selectByValue(role);
    console.driver().findElement(By.id("createUserForm:createUser")).click();
  }

  WebElement passwordField() {
    return console.driver().findElement(By.id("createUserForm:password"));
  }

  /** The role shown for {@code email}, waiting for the user's row. */
  String role(String email) {
    return console
        .rowWith("user-row", "user-email", email)
        .findElement(By.className("user-role"))
        .getText();
  }

  /** The rows of {@code email}, without waiting. */
  List<WebElement> rows(String email) {
    return console.rows("user-row", "user-email", email);
  }

  /** What the create form would post for a new admin {@code email}. */
  static Map<String, String> createAdminPostback(String email) {
    return Map.of(
        "createUserForm", "createUserForm",
        "createUserForm:email", email,
        "createUserForm:password", "forged-password-" + UUID.randomUUID(),
        "createUserForm:role", "ADMIN",
        "createUserForm:createUser", "createUserForm:createUser");
  }
}
