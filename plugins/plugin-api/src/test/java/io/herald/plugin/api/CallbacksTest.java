package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbacksTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void headersAreLookedUpIgnoringCase() {
    InboundCallback callback =
        new InboundCallback(
            "post",
            "/bounces/",
            Map.of("X-Herald-Callback-Secret", List.of("s3cret-value")),
            Map.of("a", List.of("1", "2")),
            "hi".getBytes(StandardCharsets.UTF_8),
            "text/plain; charset=UTF-8",
            "127.0.0.1");

    assertThat(callback.method()).isEqualTo("POST");
    assertThat(callback.subPath()).isEqualTo("bounces");
    assertThat(callback.header("x-herald-callback-secret")).contains("s3cret-value");
    assertThat(callback.header("X-Other")).isEmpty();
    assertThat(callback.queryParameter("a")).contains("1");
    assertThat(callback.mediaType()).isEqualTo("text/plain");
    assertThat(callback.bodyText()).isEqualTo("hi");
  }

  @Test
  void toStringShowsNoHeaderValueNorBody() {
    InboundCallback callback =
        new InboundCallback(
            "POST",
            "",
            Map.of("X-Herald-Callback-Secret", List.of("s3cret-value")),
            null,
            "body-text".getBytes(StandardCharsets.UTF_8),
            null,
            null);

    assertThat(callback.toString())
        .contains("X-Herald-Callback-Secret", "bodyLength=9")
        .doesNotContain("s3cret-value", "body-text");
  }

  @Test
  void bodyIsCopiedInAndOut() {
    byte[] body = {1, 2, 3};
    InboundCallback callback = new InboundCallback("POST", "", null, null, body, "", "");
    body[0] = 9;
    callback.body()[1] = 9;

    assertThat(callback.body()).containsExactly(1, 2, 3);
    assertThat(callback)
        .isEqualTo(new InboundCallback("POST", "", null, null, new byte[] {1, 2, 3}, "", ""))
        .isNotEqualTo(new InboundCallback("POST", "", null, null, new byte[0], "", ""));
  }

  @Test
  void unknownCharsetFallsBackToUtf8() {
    InboundCallback callback =
        new InboundCallback(
            "POST",
            "",
            null,
            null,
            "é".getBytes(StandardCharsets.UTF_8),
            "text/plain; charset=nope",
            "");

    assertThat(callback.bodyText()).isEqualTo("é");
  }

  @Test
  void onlyBouncesArePermanent() {
    assertThat(DeliveryEvent.bounced("m1", "a@b.test", true, "550", AT).permanent()).isTrue();
    assertThat(new DeliveryEvent("m1", DeliveryEvent.Kind.FAILED, true, null, null, null, AT))
        .satisfies(
            e -> {
              assertThat(e.permanent()).isFalse();
              assertThat(e.recipient()).isEmpty();
              assertThat(e.url()).isEmpty();
            });
    assertThat(DeliveryEvent.clicked("m1", "a@b.test", "https://x.test", AT).url())
        .isEqualTo("https://x.test");
  }

  @Test
  void eventsNeedAnIdAKindAndATime() {
    assertThatThrownBy(() -> DeliveryEvent.delivered(null, "", AT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DeliveryEvent.opened("m", "", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultsCarryEventsOnlyWhenHandled() {
    DeliveryEvent event = DeliveryEvent.delivered("m1", "a@b.test", AT);

    assertThat(CallbackResult.notHandled().status()).isEqualTo(404);
    assertThat(CallbackResult.notHandled().handled()).isFalse();
    assertThat(CallbackResult.accepted(List.of(event)).events()).containsExactly(event);
    assertThat(CallbackResult.rejected(401, "wrong secret").body()).isEqualTo("wrong secret");
    assertThat(CallbackResult.rejected(401, "wrong secret").contentType()).isEmpty();
    assertThatThrownBy(() -> new CallbackResult(401, "", "", List.of(event)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallbackResult(42, "", "", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providersWithoutCallbacksAnswerNotHandled() {
    ChannelProvider provider =
        new ChannelProvider() {
          @Override
          public DeliveryResult send(OutboundMessage message) {
            return DeliveryResult.accepted("x");
          }

          @Override
          public ProviderHealth health() {
            return ProviderHealth.up("");
          }
        };

    assertThat(provider.handleCallback(new InboundCallback("POST", "", null, null, null, "", "")))
        .isEqualTo(CallbackResult.notHandled());
  }
}
