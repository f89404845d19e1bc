package io.herald.plugins.devoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

  @Test
  void readsABareMailbox() {
    assertThat(EmailAddresses.parse("  hello@acme.test "))
        .contains(new EmailAddresses.Address("", "hello@acme.test"));
  }

  @Test
  void readsPlainAndQuotedDisplayNames() {
    assertThat(EmailAddresses.parse("Acme Support <help@acme.test>"))
        .contains(new EmailAddresses.Address("Acme Support", "help@acme.test"));
    assertThat(EmailAddresses.parse("\"Acme, \\\"Inc.\\\"\" <help@acme.test>"))
        .contains(new EmailAddresses.Address("Acme, \"Inc.\"", "help@acme.test"));
    assertThat(EmailAddresses.parse("<help@acme.test>"))
        .contains(new EmailAddresses.Address("", "help@acme.test"));
  }

  @Test
  void domainIsLowerCased() {
    assertThat(EmailAddresses.parse("x@Mail.ACME.test").orElseThrow().domain())
        .isEqualTo("mail.acme.test");
  }

  @Test
  void refusesTooLongLocalPartsAndDomains() {
    assertThat(EmailAddresses.parse("a".repeat(65) + "@acme.test")).isEmpty();
    assertThat(EmailAddresses.parse("a@" + "b".repeat(64) + ".test")).isEmpty();
    assertThat(EmailAddresses.parse("a@" + "b.".repeat(130) + "test")).isEmpty();
  }

  @Test
  void refusesControlCharactersAndUnbalancedQuotes() {
    assertThat(EmailAddresses.parse("a\u0000b@acme.test")).isEmpty();
    assertThat(EmailAddresses.parse("\"Acme <help@acme.test>")).isEmpty();
    assertThat(EmailAddresses.parse("Acme\t<help@acme.test>")).isEmpty();
    assertThat(EmailAddresses.parse(null)).isEmpty();
  }
}
