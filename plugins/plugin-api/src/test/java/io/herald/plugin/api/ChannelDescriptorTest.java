package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelDescriptorTest {

  @ParameterizedTest
  @ValueSource(strings = {"email-smtp", "sms", "a", "push-fcm-2", "0day"})
  void lowerCaseSlugsAreAccepted(String id) {
    assertThat(new ChannelDescriptor(id, ChannelKind.EMAIL, "Name", "d").id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Email", "email_smtp", "-email", "email smtp", "émail", "email.smtp"})
  void otherIdsAreRejected(String id) {
    assertThatThrownBy(() -> new ChannelDescriptor(id, ChannelKind.EMAIL, "Name", "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case slug");
  }

  @Test
  void idIsAtMostSixtyFourCharacters() {
    String longest = "a".repeat(64);

    assertThat(new ChannelDescriptor(longest, ChannelKind.SMS, "Name", "").id()).hasSize(64);
    assertThatThrownBy(() -> new ChannelDescriptor(longest + "a", ChannelKind.SMS, "Name", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idKindAndDisplayNameAreRequired() {
    assertThatThrownBy(() -> new ChannelDescriptor(null, ChannelKind.SMS, "Name", ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> new ChannelDescriptor("sms", null, "Name", ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
    assertThatThrownBy(() -> new ChannelDescriptor("sms", ChannelKind.SMS, null, ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("displayName");
  }

  @Test
  void missingDescriptionBecomesEmpty() {
    assertThat(new ChannelDescriptor("sms", ChannelKind.SMS, "SMS", null).description()).isEmpty();
  }
}
