package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.Http;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console end to end in headless Chromium: sign-in, dashboard, API credentials (created
 * keys work against the App API until revoked), plugins, cluster and logout. Each test starts
 * signed out and signs in itself.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleUiIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ELLIPSIS = "\u2026";

  private static HeadlessChromium chromium;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return io.herald.app.it.HeraldWar.build();
  }

  @ArquillianResource URL base; // may or may not end with '/': see url(String)

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

  @Test
  void anonymousConsoleRootRedirectsToTheLoginPage() {
    signedOut();
    browser().get(url("admin/"));
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(browser().findElement(By.id("loginForm:email")).isDisplayed()).isTrue();
    assertThat(bodyText()).contains("Sign in to the admin console");
  }

  @Test
  void wrongPasswordShowsTheErrorAndStaysSignedOut() {
    signedOut();
    submitLogin(ItConfig.adminEmail(), ItConfig.adminPassword() + "-wrong");
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Wrong email or password"));
    assertThat(browser().getCurrentUrl()).contains("/admin/login.xhtml");

    browser().get(url("admin/dashboard.xhtml"));
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(browser().findElements(By.id("signedInEmail"))).isEmpty();
  }

  @Test
  void adminSignsInAndSeesTheDashboard() {
    signInAsAdmin();
    assertThat(browser().findElement(By.id("pageTitle")).getText()).isEqualTo("Dashboard");
    assertThat(browser().findElement(By.id("signedInEmail")).getText())
        .isEqualTo(ItConfig.adminEmail());
    assertThat(browser().findElement(By.id("workspaceName")).getText()).isNotBlank();
    assertThat(bodyText()).contains("Active API credentials", "App API key", "Plugins", "Cluster");
    assertThat(Long.parseLong(browser().findElement(By.id("pluginsStarted")).getText()))
        .isPositive();
    assertThat(Long.parseLong(browser().findElement(By.id("nodesAlive")).getText())).isPositive();
    screenshot("dashboard");
  }

  @Test
  void newAppKeyIsShownOnceThenOnlyMaskedAndWorksAgainstTheApi() {
    signInAsAdmin();
    browser().findElement(By.id("navCredentials")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/settings/credentials.xhtml"));
    String name = "ui-test key " + shortId();

    String secret = createAppKey(name);

    WebElement panel = browser().findElement(By.id("newSecret"));
    assertThat(panel.getText()).contains(name, secret, "will not be shown again");
    String masked = secret.substring(0, 4) + ELLIPSIS + secret.substring(secret.length() - 4);
    WebElement row = credentialRow(name);
    assertThat(row.getText()).contains(masked, "App API key", "active").doesNotContain(secret);
    screenshot("credentials");

    browser().get(url("admin/settings/credentials.xhtml"));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("credentialsForm")));
    assertThat(browser().findElements(By.id("newSecret"))).isEmpty();
    assertThat(credentialRow(name).getText()).contains(masked);
    assertThat(browser().getPageSource()).doesNotContain(secret);

    assertThat(appApiStatus(secret)).isEqualTo(200);
  }

  @Test
  void revokedAppKeyIsRefusedByTheApi() {
    signInAsAdmin();
    browser().get(url("admin/settings/credentials.xhtml"));
    String name = "ui-revoke key " + shortId();
    String secret = createAppKey(name);
    assertThat(appApiStatus(secret)).isEqualTo(200);

    credentialRow(name).findElement(By.className("revoke-button")).click();
    WebElement confirm =
        waitFor()
            .until(ExpectedConditions.elementToBeClickable(By.id("credentialsForm:confirmYes")));
    assertThat(browser().findElement(By.id("credentialsForm:confirmRevoke")).getText())
        .contains(name);
    confirm.click();

    waitFor()
        .until(
            d ->
                credentialRow(name)
                    .findElement(By.className("credential-status"))
                    .getText()
                    .equals("revoked"));
    assertThat(credentialRow(name).findElements(By.className("revoke-button"))).isEmpty();
    assertThat(bodyText()).contains("Credential revoked.");
    assertThat(appApiStatus(secret)).isEqualTo(401);
  }

  @Test
  void pluginsPageListsTheStartedEchoPlugin() {
    signInAsAdmin();
    browser().findElement(By.id("navPlugins")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/plugins.xhtml"));
    screenshot("plugins");

    assertThat(browser().findElement(By.id("pluginApiVersion")).getText()).isNotBlank();
    assertThat(browser().findElement(By.id("pluginsDirectory")).getText()).isNotBlank();
    WebElement row = rowWith("plugin-row", "plugin-id", "channel-test-echo");
    assertThat(row.findElement(By.className("plugin-status")).getText()).isEqualTo("started");
    assertThat(row.findElements(By.className("plugin-channel-provider")))
        .extracting(WebElement::getText)
        .contains("test-echo");
  }

  @Test
  void clusterPageShowsTheCurrentNodeAliveAndTheHeartbeatTask() {
    signInAsAdmin();
    browser().findElement(By.id("navCluster")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/cluster.xhtml"));
    screenshot("cluster");

    WebElement current = browser().findElement(By.cssSelector("tr.node-row.node-current"));
    assertThat(current.getText()).contains("this node");
    assertThat(current.findElement(By.className("node-status")).getText()).isEqualTo("alive");
    WebElement heartbeat = rowWith("task-row", "task-type", "scheduling.node-heartbeat");
    assertThat(heartbeat.findElement(By.className("task-scope")).getText())
        .isEqualTo("on every node");
  }

  @Test
  void logoutReturnsToTheLoginPage() {
    signInAsAdmin();
    browser().findElement(By.id("logoutForm:logout")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(bodyText()).contains("Sign in to the admin console");

    browser().get(url("admin/cluster.xhtml"));
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
  }

  // --- steps --------------------------------------------------------------------------------

  private void signedOut() {
    browser().get(url("admin/login.xhtml"));
    browser().manage().deleteAllCookies();
  }

  private void submitLogin(String email, String password) {
    browser().get(url("admin/login.xhtml"));
    WebElement emailField =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:email")));
    emailField.clear();
    emailField.sendKeys(email);
    browser().findElement(By.id("loginForm:password")).sendKeys(password);
    browser().findElement(By.id("loginForm:signIn")).click();
  }

  private void signInAsAdmin() {
    signedOut();
    submitLogin(ItConfig.adminEmail(), ItConfig.adminPassword());
    waitFor().until(ExpectedConditions.urlContains("/admin/dashboard.xhtml"));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signedInEmail")));
  }

  /** Creates an App API key on the credentials page and returns the secret shown once. */
  private String createAppKey(String name) {
    WebElement nameField =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("createForm:name")));
    new Select(browser().findElement(By.id("createForm:kind"))).selectByValue("APP");
    nameField.sendKeys(name);
    browser().findElement(By.id("createForm:create")).click();
    WebElement secret =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("newSecretValue")));
    waitFor().until(d -> !credentialRows(name).isEmpty());
    assertThat(browser().findElement(By.id("newSecretName")).getText()).isEqualTo(name);
    assertThat(secret.getText()).hasSizeGreaterThan(12);
    return secret.getText();
  }

  /** What the App API answers to a request authenticated with {@code bearerKey}. */
  private int appApiStatus(String bearerKey) {
    return new Http(base).get("v1/plugins", Http.bearer(bearerKey)).status();
  }

  // --- page lookups -------------------------------------------------------------------------

  private WebElement credentialRow(String name) {
    return rowWith("credential-row", "credential-name", name);
  }

  private java.util.List<WebElement> credentialRows(String name) {
    return browser().findElements(rowXpath("credential-row", "credential-name", name));
  }

  private WebElement rowWith(String rowClass, String cellClass, String text) {
    return waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(rowXpath(rowClass, cellClass, text)));
  }

  private static By rowXpath(String rowClass, String cellClass, String text) {
    return By.xpath(
        "//tr[contains(concat(' ', normalize-space(@class), ' '), ' "
            + rowClass
            + " ')]"
            + "[.//*[contains(concat(' ', normalize-space(@class), ' '), ' "
            + cellClass
            + " ')]"
            + "[normalize-space(.)='"
            + text
            + "']]");
  }

  private String bodyText() {
    return browser().findElement(By.tagName("body")).getText();
  }

  /** Saves what the browser shows to {@code target/ui-screenshots/<name>.png}, for review. */
  private void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "ui-screenshots"));
      Path shot = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebDriver browser() {
    return chromium.driver();
  }

  /** Waits, retrying while an ajax update swaps the elements being looked at. */
  private FluentWait<WebDriver> waitFor() {
    return new WebDriverWait(browser(), WAIT).ignoring(StaleElementReferenceException.class);
  }

  private String url(String path) {
    String root = base.toExternalForm();
    return (root.endsWith("/") ? root : root + "/") + path;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
