package io.herald.workspace.rest;

import io.herald.shared.json.Jsons;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Segment spec's other way to authenticate: a top-level {@code "writeKey"} in the JSON body
 * (segment's analytics-node puts it in every batch). The body is buffered, read for that one member
 * and handed back unchanged to the resource.
 */
final class BodyWriteKey {

  /** Read at most this much for the key (a batch may be 500 KB); the rest stays unread. */
  static final int MAX_SCAN_BYTES = 512 * 1024 + 1;

  private BodyWriteKey() {}

  /** The body's top-level {@code writeKey}; the request's entity is restored either way. */
  static Optional<String> of(ContainerRequestContext request) {
    if (!request.hasEntity()) {
      return Optional.empty();
    }
    InputStream original = request.getEntityStream();
    byte[] head;
    try {
      head = original.readNBytes(MAX_SCAN_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    request.setEntityStream(
        new java.io.SequenceInputStream(new ByteArrayInputStream(head), original));
    return topLevelString(head, "writeKey");
  }

  /** The string value of a top-level member of a JSON object, scanning without building it. */
  static Optional<String> topLevelString(byte[] json, String member) {
    try (JsonParser parser = Jsons.createParser(new ByteArrayInputStream(json))) {
      int depth = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME -> {
            if (depth == 1 && parser.getString().equals(member)) {
              JsonParser.Event value = parser.next();
              return value == JsonParser.Event.VALUE_STRING
                  ? Optional.of(parser.getString())
                  : Optional.empty();
            }
          }
          default -> {
            // values of other members
          }
        }
      }
    } catch (JsonParsingException | java.util.NoSuchElementException e) {
      // malformed or cut off: no key (the resource reports the malformed body once authenticated)
    }
    return Optional.empty();
  }
}
