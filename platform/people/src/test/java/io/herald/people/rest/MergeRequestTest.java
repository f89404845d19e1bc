package io.herald.people.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MergeRequestTest {

  private static MergeRequest.Parsed parse(String json) {
    return MergeRequest.parse(Json.createReader(new StringReader(json)).readObject());
  }

  @Test
  void oneIdentifierOnEachSide() {
    MergeRequest request =
        parse("{\"primary\":{\"id\":42},\"secondary\":{\"email\":\"b@x.io\"}}").request();
    assertThat(request.primary()).isEqualTo(new PersonRef(IdType.ID, "42"));
    assertThat(request.secondary()).isEqualTo(new PersonRef(IdType.EMAIL, "b@x.io"));
    assertThat(
            parse("{\"primary\":{\"cio_id\":\"c1\"},\"secondary\":{\"id\":\"2\"}}")
                .request()
                .primary())
        .isEqualTo(new PersonRef(IdType.CIO_ID, "c1"));
  }

  @Test
  void everyProblemNamesItsField() {
    assertThat(parse("{\"primary\":{\"id\":\"1\",\"email\":\"a@x.io\"}}").problems())
        .containsExactly(
            "primary must have exactly one of id, email, cio_id",
            "secondary must be an object with exactly one of id, email, cio_id");
    assertThat(parse("{\"primary\":{\"phone\":\"+1\"},\"secondary\":{\"email\":true}}").problems())
        .containsExactly(
            "primary.phone is not an identifier: use id, email or cio_id",
            "secondary.email must be a string");
    assertThat(
            parse("{\"primary\":{\"id\":\"" + "x".repeat(151) + "\"},\"secondary\":\"2\"}")
                .problems())
        .containsExactly(
            "primary.id must be 1 to 150 bytes",
            "secondary must be an object with exactly one of id, email, cio_id");
  }
}
