package io.herald.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

  @Test
  void emailAddressesAreKeptTrimmedLowerCaseAndBare() {
    assertThat(Suppressions.normalise("email", "  Ada@Example.COM ")).isEqualTo("ada@example.com");
    assertThat(Suppressions.normalise("email", "Ada Lovelace <Ada@Example.com>"))
        .isEqualTo("ada@example.com");
    assertThat(Suppressions.normalise("email", "\"a <b>\" < X@Y.io >")).isEqualTo("x@y.io");
  }

  @Test
  void pushTokensKeepTheirCaseAndPhoneNumbersStayAsTheyAre() {
    assertThat(Suppressions.normalise("push", " fGx7:APA91bHqZ-Upper "))
        .isEqualTo("fGx7:APA91bHqZ-Upper");
    assertThat(Suppressions.normalise("sms", " +15555550100 ")).isEqualTo("+15555550100");
    assertThat(Suppressions.normalise("whatsapp", "+15555550100")).isEqualTo("+15555550100");
  }

  @Test
  void onlyPlausibleEmailAddressesOfKnownChannelsMayBeAdded() {
    assertThat(Suppressions.problem("email", "ada@example.com")).isEmpty();
    assertThat(Suppressions.problem("email", "Ada <ada@example.com>")).isEmpty();
    assertThat(Suppressions.problem("fax", "ada@example.com"))
        .hasValue("channel must be one of email, sms, whatsapp, push");
    assertThat(Suppressions.problem("sms", "+15555550100")).isEmpty();
    assertThat(Suppressions.problem("whatsapp", "+15555550100")).isEmpty();
    for (String bad : new String[] {"ada@example.com", "15555550100", "+0555", "+1 555 0100"}) {
      assertThat(Suppressions.problem("sms", bad))
          .as(bad)
          .hasValue("address must be an E.164 phone number such as +15555550100");
    }
    assertThat(Suppressions.problem("push", "fcm-token:APA91b")).isEmpty();
    assertThat(Suppressions.problem("push", "two words")).isPresent();
    for (String bad :
        new String[] {"", " ", "ada", "@example.com", "ada@", "a@b@c", "a b@c.io", "a,b@c.io"}) {
      assertThat(Suppressions.problem("email", bad))
          .as(bad)
          .hasValue("address must be an email address of at most 320 characters");
    }
    assertThat(Suppressions.problem("email", "a".repeat(310) + "@example.com")).isPresent();
  }

  @Test
  void aSuppressionSaysWhyAndSinceWhen() {
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    assertThat(new SuppressionView(1, "email", "a@b.io", "hard_bounce", "d1", at).describe())
        .isEqualTo("address suppressed: hard bounce (delivery d1) at 2026-11-30T10:00:00Z");
    assertThat(new SuppressionView(1, "email", "a@b.io", "complaint", "d2", at).describe())
        .isEqualTo("address suppressed: spam complaint (delivery d2) at 2026-11-30T10:00:00Z");
    assertThat(new SuppressionView(1, "email", "a@b.io", "manual", null, at).describe())
        .isEqualTo("address suppressed: added manually at 2026-11-30T10:00:00Z");
  }
}
