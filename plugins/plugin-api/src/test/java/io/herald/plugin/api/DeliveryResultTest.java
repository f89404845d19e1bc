package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

  @Test
  void acceptedCarriesTheProviderMessageId() {
    DeliveryResult result = DeliveryResult.accepted("msg-123");

    assertThat(result).isEqualTo(new DeliveryResult.Accepted("msg-123"));
    assertThat(((DeliveryResult.Accepted) result).providerMessageId()).isEqualTo("msg-123");
  }

  @Test
  void acceptedRequiresAnId() {
    assertThatThrownBy(() -> DeliveryResult.accepted(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("providerMessageId");
  }

  @Test
  void retryableCarriesReasonAndDelay() {
    DeliveryResult result = DeliveryResult.retryable("503 from vendor", Duration.ofSeconds(30));

    assertThat(result)
        .isEqualTo(new DeliveryResult.RetryableFailure("503 from vendor", Duration.ofSeconds(30)));
  }

  @Test
  void retryableTreatsMissingOrNegativeDelayAsZero() {
    assertThat(DeliveryResult.retryable("x", null))
        .isEqualTo(new DeliveryResult.RetryableFailure("x", Duration.ZERO));
    assertThat(DeliveryResult.retryable("x", Duration.ofSeconds(-5)))
        .isEqualTo(new DeliveryResult.RetryableFailure("x", Duration.ZERO));
  }

  @Test
  void retryableRequiresAReason() {
    assertThatThrownBy(() -> DeliveryResult.retryable(null, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void permanentCarriesTheReason() {
    assertThat(DeliveryResult.permanent("mailbox does not exist"))
        .isEqualTo(new DeliveryResult.PermanentFailure("mailbox does not exist"));
    assertThatThrownBy(() -> DeliveryResult.permanent(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void rateLimitedCarriesTheDelayAndTreatsMissingOrNegativeAsZero() {
    assertThat(DeliveryResult.rateLimited(Duration.ofMinutes(1)))
        .isEqualTo(new DeliveryResult.RateLimited(Duration.ofMinutes(1)));
    assertThat(DeliveryResult.rateLimited(null))
        .isEqualTo(new DeliveryResult.RateLimited(Duration.ZERO));
    assertThat(DeliveryResult.rateLimited(Duration.ofMillis(-1)))
        .isEqualTo(new DeliveryResult.RateLimited(Duration.ZERO));
  }

  @Test
  void theFiveOutcomesAreTheOnlyPermittedSubtypes() {
    assertThat(DeliveryResult.class.isSealed()).isTrue();
    assertThat(DeliveryResult.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(
            DeliveryResult.Accepted.class,
            DeliveryResult.RetryableFailure.class,
            DeliveryResult.PermanentFailure.class,
            DeliveryResult.RateLimited.class,
            DeliveryResult.InvalidRecipient.class);
  }
}
