package io.herald.app.inapp;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What browsers and operators see of the in-app SDK on the running node: CORS on the SDK paths
 * only, by default and with a workspace's own allowed origins (and the settings call's errors), the
 * served JavaScript SDK's headers, and the in-app provider offered to channel settings.
 */
class InAppAccessIT extends InAppContainerTest {

  // ---- CORS, the script, the provider -----------------------------------------------------

  @Test
  void browsersMayCallTheSdkPathsFromAnyOriginAndOnlyThose() {
    SdkClient.Reply preflight =
        sdk()
            .method(
                "sdk/v1/inapp/messages/x/events",
                "OPTIONS",
                Map.of(
                    "Origin", SdkClient.ORIGIN,
                    "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers",
                        "authorization,content-type,x-herald-site-id"));
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .contains("Authorization")
        .contains("X-Herald-Site-Id")
        .contains("Content-Type");

    SdkClient.Reply api =
        sdk()
            .method(
                "v1/inapp/tokens",
                "OPTIONS",
                Map.of("Origin", SdkClient.ORIGIN, "Access-Control-Request-Method", "POST"));
    assertThat(api.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aWorkspacesOwnOriginsDecideWhichBrowsersMayCall() {
    String site = ItConfig.siteId();
    Answer initial = http().get("v1/inapp/settings", Http.app());
    assertThat(initial.status()).as(initial.body()).isEqualTo(200);
    assertThat(initial.json().get("default").asBoolean()).isTrue();
    assertThat(initial.json().get("allowed_origins").get(0).asText()).isEqualTo("*");
    try {
      Answer set =
          http()
              .put(
                  "v1/inapp/settings",
                  Http.app(),
                  "{\"allowed_origins\":[\"HTTPS://Shop.Example.com\",\"http://localhost:3000\"]}");
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.json().get("default").asBoolean()).isFalse();
      assertThat(set.json().get("allowed_origins").toString())
          .isEqualTo("[\"https://shop.example.com\",\"http://localhost:3000\"]");

      // A listed origin is echoed (with Vary: Origin), on preflights that name the site in the URL
      // as the SDK does, and on calls with the header.
      SdkClient.Reply preflight =
          sdk()
              .method(
                  "sdk/v1/inapp/messages?wait=25&site_id=" + site,
                  "OPTIONS",
                  Map.of("Origin", SdkClient.ORIGIN, "Access-Control-Request-Method", "GET"));
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SdkClient.ORIGIN);
      assertThat(preflight.header("Vary")).contains("Origin");
      SdkClient.Reply call = sdk().poll(site, "not-a-token", 0);
      assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(SdkClient.ORIGIN);
      // Another origin gets no CORS grant: the browser keeps the answer from the page.
      SdkClient.Reply foreign =
          sdk()
              .method(
                  "sdk/v1/inapp/messages?site_id=" + site,
                  "OPTIONS",
                  Map.of(
                      "Origin",
                      "https://evil.example.net",
                      "Access-Control-Request-Method",
                      "GET"));
      assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

      assertAppError(
          http()
              .put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":[\"https://a.test/x\"]}"),
          400,
          "allowed_origins[0] must be * or an origin");
      assertAppError(
          http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":\"*\"}"),
          400,
          "must be a list of strings");
      assertAppError(
          http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":[1]}"),
          400,
          "must be a list of strings");
      assertAppError(http().put("v1/inapp/settings", Http.app(), "{}"), 400, "is required");
      assertAppError(http().put("v1/inapp/settings", Http.app(), "{"), 400, "malformed JSON");
      assertAppError(
          http()
              .put(
                  "v1/inapp/settings",
                  Http.app(),
                  "{\"allowed_origins\":[\"" + "x".repeat(9000) + "\"]}"),
          413,
          "larger than");
      assertAppError(http().get("v1/inapp/settings", null), 401, "Authorization header missing");
      assertThat(http().get("v1/inapp/settings", Http.app()).json().get("allowed_origins"))
          .hasSize(2);
    } finally {
      Answer reset = http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":null}");
      assertThat(reset.status()).as(reset.body()).isEqualTo(200);
      assertThat(reset.json().get("default").asBoolean()).isTrue();
    }
  }

  @Test
  void theSdkScriptIsServedAsCacheableJavaScript() {
    SdkClient.Reply script = sdk().method("sdk/herald-inapp.js", "GET", Map.of());
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Cache-Control")).contains("public").contains("max-age=3600");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(script.body()).contains("Herald.inapp").contains("/sdk/v1/inapp/messages");
    String etag = script.header("ETag");
    assertThat(etag).isNotBlank();

    SdkClient.Reply again =
        sdk().method("sdk/herald-inapp.js", "GET", Map.of("If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theInAppProviderIsOfferedToChannelSettings() {
    String name = unique("inapp").toLowerCase();
    Answer saved =
        http()
            .put(
                "v1/channel_settings/" + name,
                Http.app(),
                "{\"channel\":\"in_app\",\"provider\":\"in-app\",\"default\":false,\"settings\":{}}");
    try {
      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      assertThat(saved.json().at("/channel_setting/provider").asText()).isEqualTo("in-app");
      assertThat(saved.json().at("/channel_setting/channel").asText()).isEqualTo("in_app");
      assertAppError(
          http()
              .put(
                  "v1/channel_settings/" + name,
                  Http.app(),
                  "{\"channel\":\"email\",\"provider\":\"in-app\",\"settings\":{}}"),
          400,
          "channel must be in_app for provider in-app");
      assertAppError(
          http()
              .put(
                  "v1/channel_settings/" + name,
                  Http.app(),
                  "{\"channel\":\"in_app\",\"provider\":\"in-app\",\"settings\":{\"x\":\"1\"}}"),
          400,
          "settings.x is not a setting of in-app");
    } finally {
      assertThat(http().delete("v1/channel_settings/" + name, Http.app()).status()).isEqualTo(204);
    }
  }
}
