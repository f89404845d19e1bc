package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.internal.evaluate.PersonFacts.DeviceFact;
import io.herald.segments.internal.evaluate.PersonFacts.EngagementFact;
import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.segments.internal.evaluate.PersonFacts.RelationshipFact;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link PersonFacts} for tests; JSON is written with single quotes for readability. */
final class Facts {

  private JsonObject attributes = Json.createObjectBuilder().build();
  private final List<EventFact> events = new ArrayList<>();
  private final List<RelationshipFact> relationships = new ArrayList<>();
  private final List<DeviceFact> devices = new ArrayList<>();
  private final Set<Long> segments = new HashSet<>();
  private final List<EngagementFact> engagements = new ArrayList<>();

  static Facts person() {
    return new Facts();
  }

  /** Parses JSON written with {@code '} for {@code "}. */
  static JsonObject json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  Facts attributes(String singleQuotedJson) {
    this.attributes = json(singleQuotedJson);
    return this;
  }

  Facts attributes(JsonObject attributes) {
    this.attributes = attributes;
    return this;
  }

  Facts event(String name, Instant at) {
    return event(name, at, "{}");
  }

  Facts event(String name, Instant at, String singleQuotedData) {
    events.add(new EventFact(name, at, json(singleQuotedData)));
    return this;
  }

  Facts relationship(String type, String objectJson, String relationshipJson) {
    relationships.add(
        new RelationshipFact(
            type,
            objectJson == null ? null : json(objectJson),
            relationshipJson == null ? null : json(relationshipJson)));
    return this;
  }

  Facts device(String platform, boolean pushEnabled) {
    devices.add(new DeviceFact(platform, pushEnabled));
    return this;
  }

  Facts segment(long id) {
    segments.add(id);
    return this;
  }

  Facts engagement(
      EngagementCondition.Metric metric, String messageId, String campaignId, Instant at) {
    engagements.add(new EngagementFact(metric, messageId, campaignId, at));
    return this;
  }

  PersonFacts build() {
    return new PersonFacts(
        "cio_1", attributes, events, relationships, devices, segments, engagements);
  }
}
