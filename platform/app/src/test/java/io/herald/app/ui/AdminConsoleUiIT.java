package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console end to end in headless Chromium: dashboard, API credentials (created keys work
 * against the App API until revoked), users and what a viewer may do, plugins and cluster (sign-in
 * and logout: {@link ConsoleSignInUiIT}). Each test starts signed out and signs in itself. One
 * viewer account is created through the users page on first use ({@link #viewer()}).
 */
class AdminConsoleUiIT extends ContainerTest {

  private static final String ELLIPSIS = "\u2026";
  private static final String VIEWER_PASSWORD = "viewer-password-" + shortId();

  private static HeadlessChromium chromium;
  private static String viewerEmail;

  private ConsoleBrowser console;
  private CredentialsScreen credentials;
  private UsersScreen users;

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
    credentials = new CredentialsScreen(console);
    users = new UsersScreen(console);
  }

  @Test
  void adminSignsInAndSeesTheDashboard() {
    signInAsAdmin();
    assertThat(text("pageTitle")).isEqualTo("Dashboard");
    assertThat(text("signedInEmail")).isEqualTo(ItConfig.adminEmail());
    assertThat(text("workspaceName")).isNotBlank();
    assertThat(console.bodyText())
        .contains("Active API credentials", "App API key", "Plugins", "Cluster");
    assertThat(Long.parseLong(text("pluginsStarted"))).isPositive();
    assertThat(Long.parseLong(text("nodesAlive"))).isPositive();
    console.screenshot("dashboard");
  }

  @Test
  void newAppKeyIsShownOnceThenOnlyMaskedAndWorksAgainstTheApi() {
    signInAsAdmin();
    console.navigate("navCredentials", "/admin/settings/credentials.xhtml");
    String name = "ui-test key " + shortId();

    String secret = credentials.createAppKey(name);

    assertThat(text("newSecret")).contains(name, secret, "will not be shown again");
    String masked = secret.substring(0, 4) + ELLIPSIS + secret.substring(secret.length() - 4);
    WebElement row = credentials.row(name);
    assertThat(row.getText()).contains(masked, "App API key", "active").doesNotContain(secret);
    console.screenshot("credentials");

    credentials.open();
    assertThat(console.absent(By.id("newSecret"))).isTrue();
    assertThat(credentials.row(name).getText()).contains(masked);
    assertThat(browser().getPageSource()).doesNotContain(secret);

    assertThat(appApiStatus(secret)).isEqualTo(200);
  }

  @Test
  void revokedAppKeyIsRefusedByTheApi() {
    signInAsAdmin();
    credentials.open();
    String name = "ui-revoke key " + shortId();
    String secret = credentials.createAppKey(name);
    assertThat(appApiStatus(secret)).isEqualTo(200);

    credentials.row(name).findElement(By.className("revoke-button")).click();
    WebElement confirm =
        console
            .waitFor()
            .until(ExpectedConditions.elementToBeClickable(By.id("credentialsForm:confirmYes")));
    assertThat(text("credentialsForm:confirmRevoke")).contains(name);
    confirm.click();

    console.waitFor().until(d -> credentials.status(name).equals("revoked"));
    assertThat(credentials.row(name).findElements(By.className("revoke-button"))).isEmpty();
    assertThat(console.bodyText()).contains("Credential revoked.");
    assertThat(appApiStatus(secret)).isEqualTo(401);
  }

  @Test
  void adminCreatesAViewerAndATooShortPasswordCreatesNothing() {
    signInAsAdmin();
    console.navigate("navUsers", "/admin/settings/users.xhtml");
    String email = "ui-viewer-" + shortId() + "@example.test";
    String shortPassword = "pw-" + shortId();

    users.submit(email, shortPassword, "VIEWER");
    console
        .waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "User not created: password must be at least 12 characters."));
    assertThat(users.rows(email)).isEmpty();
    assertThat(users.passwordField().getAttribute("value")).isEmpty();
    assertThat(browser().getPageSource()).doesNotContain(shortPassword);
    console.screenshot("users-error");
    users.open();
    assertThat(users.rows(email)).isEmpty();

    String password = "ui-password-" + shortId();
    users.submit(email, password, "VIEWER");
    assertThat(users.role(email)).isEqualTo("viewer");
    assertThat(text("messages")).contains("User " + email + " created with role viewer.");
    assertThat(users.passwordField().getAttribute("value")).isEmpty();
    assertThat(browser().getPageSource()).doesNotContain(password);
    console.screenshot("users");
  }

  @Test
  void viewerSeesTheDashboardAndListsButNoControlsToChangeThem() {
    String viewer = viewer();
    console.signIn(viewer, VIEWER_PASSWORD);
    assertThat(text("pageTitle")).isEqualTo("Dashboard");
    assertThat(text("signedInEmail")).isEqualTo(viewer);
    assertThat(browser().findElement(By.className("role-badge")).getText())
        .isEqualToIgnoringCase("viewer");
    assertThat(text("workspaceName")).isNotBlank();

    console.navigate("navCredentials", "/admin/settings/credentials.xhtml");
    assertThat(browser().findElements(By.cssSelector("tr.credential-row"))).isNotEmpty();
    assertThat(console.absent(By.id("createForm"))).isTrue();
    assertThat(console.absent(By.className("revoke-button"))).isTrue();
    console.screenshot("credentials-viewer");

    console.navigate("navUsers", "/admin/settings/users.xhtml");
    assertThat(users.role(viewer)).isEqualTo("viewer");
    assertThat(console.absent(By.id("createUserForm"))).isTrue();
    console.screenshot("users-viewer");
  }

  @Test
  void forgedCreateCredentialPostbackFromAViewerCreatesNothing() {
    String viewer = viewer();
    String byAdmin = "ui-forged-by-admin " + shortId();
    String byViewer = "ui-forged-by-viewer " + shortId();

    // The same hand-made request from an admin does create the key: it is a valid postback.
    signInAsAdmin();
    credentials.open();
    ForgedPostback.submit(console, CredentialsScreen.createPostback(byAdmin));
    assertThat(credentials.row(byAdmin).getText()).contains("App API key", "active");

    // From a viewer it changes nothing. Hiding the form is not what stops it: Faces still decodes
    // the inputs and button of a form whose rendered is false. CredentialsPage.create() refuses.
    console.signIn(viewer, VIEWER_PASSWORD);
    credentials.open();
    ForgedPostback.submit(console, CredentialsScreen.createPostback(byViewer));
    assertThat(text("messages")).contains("Only admins may create or revoke API credentials.");
    assertThat(console.absent(By.id("newSecret"))).isTrue();
    credentials.open();
    assertThat(credentials.row(byAdmin).isDisplayed()).isTrue();
    assertThat(credentials.rows(byViewer)).isEmpty();
  }

  @Test
  void forgedRevokePostbackFromAViewerLeavesTheKeyWorking() {
    String viewer = viewer();
    signInAsAdmin();
    credentials.open();
    String name = "ui-forged-revoke " + shortId();
    String secret = credentials.createAppKey(name);
    String revoke = credentials.revokeButtonId(name);

    // The Revoke column is not rendered for a viewer, and the data table does not decode it.
    console.signIn(viewer, VIEWER_PASSWORD);
    credentials.open();
    ForgedPostback.submit(console, CredentialsScreen.revokePostback(revoke));
    credentials.open();
    assertThat(credentials.status(name)).isEqualTo("active");
    assertThat(appApiStatus(secret)).isEqualTo(200);

    // The same hand-made request from an admin revokes the key: it is a valid postback.
    signInAsAdmin();
    credentials.open();
    ForgedPostback.submit(console, CredentialsScreen.revokePostback(revoke));
    assertThat(credentials.status(name)).isEqualTo("revoked");
    assertThat(appApiStatus(secret)).isEqualTo(401);
  }

  @Test
  void forgedCreateUserPostbackFromAViewerCreatesNoAdmin() {
    String viewer = viewer();
    String byAdmin = "ui-forged-admin-" + shortId() + "@example.test";
    String byViewer = "ui-forged-viewer-" + shortId() + "@example.test";

    // Valid postback: from an admin it creates the user. From a viewer, UsersPage.create() refuses.
    signInAsAdmin();
    users.open();
    ForgedPostback.submit(console, UsersScreen.createAdminPostback(byAdmin));
    assertThat(users.role(byAdmin)).isEqualTo("admin");

    console.signIn(viewer, VIEWER_PASSWORD);
    users.open();
    ForgedPostback.submit(console, UsersScreen.createAdminPostback(byViewer));
    assertThat(text("messages")).contains("Only admins may create users.");
    users.open();
    assertThat(users.role(byAdmin)).isEqualTo("admin");
    assertThat(users.rows(byViewer)).isEmpty();
  }

  @Test
  void pluginsPageListsTheStartedEchoPlugin() {
    signInAsAdmin();
    console.navigate("navPlugins", "/admin/plugins.xhtml");
    console.screenshot("plugins");

    assertThat(text("pluginApiVersion")).isNotBlank();
    assertThat(text("pluginsDirectory")).isNotBlank();
    WebElement row = console.rowWith("plugin-row", "plugin-id", "channel-test-echo");
    assertThat(row.findElement(By.className("plugin-status")).getText()).isEqualTo("started");
    assertThat(row.findElements(By.className("plugin-channel-provider")))
        .extracting(WebElement::getText)
        .contains("test-echo");
  }

  @Test
  void clusterPageShowsTheCurrentNodeAliveAndTheHeartbeatTask() {
    signInAsAdmin();
    console.navigate("navCluster", "/admin/cluster.xhtml");
    console.screenshot("cluster");

    WebElement current = browser().findElement(By.cssSelector("tr.node-row.node-current"));
    assertThat(current.getText()).contains("this node");
    assertThat(current.findElement(By.className("node-status")).getText()).isEqualTo("alive");
    WebElement heartbeat = console.rowWith("task-row", "task-type", "scheduling.node-heartbeat");
    assertThat(heartbeat.findElement(By.className("task-scope")).getText())
        .isEqualTo("on every node");
  }

  // --- steps --------------------------------------------------------------------------------

  private void signInAsAdmin() {
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
  }

  /** The run's viewer account, created by the admin through the users page on first use. */
  private String viewer() {
    if (viewerEmail == null) {
      String email = "ui-viewer-account-" + shortId() + "@example.test";
      signInAsAdmin();
      users.open().submit(email, VIEWER_PASSWORD, "VIEWER");
      assertThat(users.role(email)).isEqualTo("viewer");
      viewerEmail = email;
    }
    return viewerEmail;
  }

  /** What the App API answers to a request authenticated with {@code bearerKey}. */
  private int appApiStatus(String bearerKey) {
    return new Http(base).get("v1/plugins", Http.bearer(bearerKey)).status();
  }

  private String text(String id) {
    return browser().findElement(By.id(id)).getText();
  }

  private WebDriver browser() {
    return console.driver();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
