package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The E.164 form of phone attributes that inbound senders are matched on. */
class PhoneNumbersTest {

  @Test
  void separatorsGoAndTheInternationalPrefixBecomesAPlus() {
    assertThat(PhoneNumbers.e164("+1 (555) 010-0123")).isEqualTo("+15550100123");
    assertThat(PhoneNumbers.e164("+44 20.7946/0958")).isEqualTo("+442079460958");
    assertThat(PhoneNumbers.e164("0044 20 7946 0958")).isEqualTo("+442079460958");
    assertThat(PhoneNumbers.e164("15550100123")).isEqualTo("+15550100123");
    assertThat(PhoneNumbers.e164("+15550100123")).isEqualTo("+15550100123");
  }

  @Test
  void whatIsNotANumberInE164HasNoForm() {
    assertThat(PhoneNumbers.e164(null)).isNull();
    assertThat(PhoneNumbers.e164("")).isNull();
    assertThat(PhoneNumbers.e164("020 7946 0958")).isNull();
    assertThat(PhoneNumbers.e164("+1 555 CALL NOW")).isNull();
    assertThat(PhoneNumbers.e164("+1234567890123456")).isNull();
    assertThat(PhoneNumbers.e164("+7")).isNull();
  }
}
