package io.herald.exports.internal;

import io.herald.people.api.PersonView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/** Test helper: people as the people module shows them (identifiers mirrored as attributes). */
final class People {

  private People() {}

  /** A person; {@code attributesJson} uses single quotes for double quotes. */
  static PersonView person(String cioId, String id, String email, String attributesJson) {
    JsonObject given;
    try (var reader = Json.createReader(new StringReader(attributesJson.replace('\'', '"')))) {
      given = reader.readObject();
    }
    var attributes = Json.createObjectBuilder(given).add("cio_id", cioId);
    if (id != null) {
      attributes.add("id", id);
    }
    if (email != null) {
      attributes.add("email", email);
    }
    return new PersonView(
        cioId, id, email, attributes.build(), Map.of(), false, Instant.EPOCH, Instant.EPOCH);
  }
}
