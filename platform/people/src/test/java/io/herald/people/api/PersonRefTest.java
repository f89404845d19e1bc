package io.herald.people.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonRefTest {

  @Test
  void trackPathIdentifiersFollowCustomerIoRules() {
    assertThat(PersonRef.fromTrackPath("cio_abc")).isEqualTo(new PersonRef(IdType.CIO_ID, "abc"));
    assertThat(PersonRef.fromTrackPath("a@b.c")).isEqualTo(new PersonRef(IdType.EMAIL, "a@b.c"));
    assertThat(PersonRef.fromTrackPath("42")).isEqualTo(new PersonRef(IdType.ID, "42"));
  }

  @Test
  void wellFormedMeansNonBlankAndAtMost150Bytes() {
    assertThat(new PersonRef(IdType.ID, "x".repeat(150)).wellFormed()).isTrue();
    assertThat(new PersonRef(IdType.ID, "x".repeat(151)).wellFormed()).isFalse();
    assertThat(new PersonRef(IdType.ID, "é".repeat(76)).wellFormed()).isFalse();
    assertThat(new PersonRef(IdType.ID, " ").wellFormed()).isFalse();
  }

  @Test
  void idTypeQueryValues() {
    assertThat(IdType.fromQuery(null)).contains(IdType.ID);
    assertThat(IdType.fromQuery("EMAIL")).contains(IdType.EMAIL);
    assertThat(IdType.fromQuery("cio_id")).contains(IdType.CIO_ID);
    assertThat(IdType.fromQuery("phone")).isEmpty();
  }

  @Test
  void identifierObjectsAcceptPhoneButTheAppIdTypeDoesNot() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    assertThat(
            PersonRef.fromIdentifiers(
                jakarta.json.Json.createObjectBuilder().add("phone", "+15551234567").build(),
                "identifiers",
                problems))
        .contains(new PersonRef(IdType.PHONE, "+15551234567"));
    assertThat(problems).isEmpty();
    assertThat(IdType.fromQuery("phone")).isEmpty();
  }
}
