package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in to and out of the admin console, in headless Chromium and by plain HTTP: who is sent
 * to the login page and how, a wrong password, the return to the page that asked, the session id
 * after the login, templates never served, logout.
 */
class ConsoleSignInUiIT extends ContainerTest {

  private static final String SESSION_COOKIE = "JSESSIONID";

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
  void anonymousConsoleRootRedirectsToTheLoginPage() {
    console.signedOut();
    console.open("admin/");
    console.waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(browser().findElement(By.id("loginForm:email")).isDisplayed()).isTrue();
    assertThat(console.bodyText()).contains("Sign in to the admin console");
  }

  @Test
  void wrongPasswordShowsTheErrorAndStaysSignedOut() {
    console.signedOut();
    console.submitLogin(ItConfig.adminEmail(), ItConfig.adminPassword() + "-wrong");
    console
        .waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Wrong email or password"));
    assertThat(browser().getCurrentUrl()).contains("/admin/login.xhtml");

    console.open("admin/dashboard.xhtml");
    console.waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(console.absent(By.id("signedInEmail"))).isTrue();
  }

  @Test
  void aDeepLinkLeadsThroughTheLoginBackToItsPage() {
    console.signedOut();
    console.open("admin/cluster.xhtml?tab=nodes");
    console.waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));

    console.submitLogin(ItConfig.adminEmail(), ItConfig.adminPassword());

    console.waitFor().until(ExpectedConditions.urlContains("/admin/cluster.xhtml?tab=nodes"));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signedInEmail")));
    assertThat(text("pageTitle")).isEqualTo("Cluster");
  }

  @Test
  void signingInReplacesTheSessionId() {
    console.signedOut();
    console.open("admin/login.xhtml");
    Cookie before = browser().manage().getCookieNamed(SESSION_COOKIE);
    assertThat(before).as("the login page's session").isNotNull();

    console.submitLogin(ItConfig.adminEmail(), ItConfig.adminPassword());
    console.waitFor().until(ExpectedConditions.urlContains("/admin/dashboard.xhtml"));

    Cookie after = browser().manage().getCookieNamed(SESSION_COOKIE);
    assertThat(after).isNotNull();
    assertThat(after.getValue()).isNotEqualTo(before.getValue());
  }

  @Test
  void anonymousRequestsGetTheLoginPageTemplatesNothing() throws Exception {
    HttpResponse<String> page = anonymous(request("admin/settings/credentials.xhtml"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login.xhtml");

    // An ajax request whose session has gone: the Faces script follows the partial redirect.
    HttpResponse<String> ajax =
        anonymous(
            request("admin/dashboard.xhtml")
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")));
    assertThat(ajax.statusCode()).isEqualTo(200);
    assertThat(ajax.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    assertThat(ajax.body())
        .contains("<partial-response><redirect url=\"")
        .contains("/admin/login.xhtml\"/>");

    HttpResponse<String> template = anonymous(request("admin/WEB-INF/templates/console.xhtml"));
    assertThat(template.statusCode()).isEqualTo(404);
    assertThat(template.body()).doesNotContain("logoutForm");

    HttpResponse<String> login = anonymous(request("admin/login.xhtml"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("loginForm");
  }

  @Test
  void anOpenPathWithDotSegmentsLeadsNowhereElse() throws Exception {
    for (String path :
        List.of(
            "admin/jakarta.faces.resource/../dashboard.xhtml",
            "admin/jakarta.faces.resource/%2e%2e/dashboard.xhtml",
            "admin/login.xhtml/../settings/credentials.xhtml")) {
      // Sent as written: URI.create keeps the dot segments that resolve() would remove.
      HttpResponse<String> answer =
          anonymous(HttpRequest.newBuilder(URI.create(base.toString() + path)));
      assertThat(answer.body()).as(path).doesNotContain("logoutForm", "pageTitle");
      assertThat(answer.statusCode()).as(path).isIn(302, 400, 404);
    }
  }

  @Test
  void logoutReturnsToTheLoginPage() {
    signInAsAdmin();
    browser().findElement(By.id("logoutForm:logout")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    assertThat(console.bodyText()).contains("Sign in to the admin console");

    console.open("admin/cluster.xhtml");
    console.waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
  }

  // --- steps --------------------------------------------------------------------------------

  private void signInAsAdmin() {
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
  }

  /** A request for {@code path} below the deployment. */
  private HttpRequest.Builder request(String path) throws Exception {
    return HttpRequest.newBuilder(base.toURI().resolve(path));
  }

  /** Sends without cookies and follows no redirect. */
  private static HttpResponse<String> anonymous(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String text(String id) {
    return browser().findElement(By.id(id)).getText();
  }

  private WebDriver browser() {
    return console.driver();
  }
}
