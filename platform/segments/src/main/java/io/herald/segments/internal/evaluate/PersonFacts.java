package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.EngagementCondition;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the in-memory evaluator may read about one person. A loader may leave out what no
 * condition being evaluated mentions (events of other names, relationships to other object types),
 * but what it includes must be complete for what the conditions mention.
 *
 * @param cioId the person
 * @param attributes the person's attributes (as stored by the people module)
 * @param events the person's events (including linked anonymous events)
 * @param relationships the person's relationships to objects
 * @param devices the person's devices
 * @param segments ids of the segments the person is currently a member of
 * @param engagements the person's message engagements
 */
public record PersonFacts(
    String cioId,
    JsonObject attributes,
    List<EventFact> events,
    List<RelationshipFact> relationships,
    List<DeviceFact> devices,
    Set<Long> segments,
    List<EngagementFact> engagements) {

  /** Copies the collections. */
  public PersonFacts {
    Objects.requireNonNull(cioId, "cioId");
    Objects.requireNonNull(attributes, "attributes");
    events = List.copyOf(events);
    relationships = List.copyOf(relationships);
    devices = List.copyOf(devices);
    segments = Set.copyOf(segments);
    engagements = List.copyOf(engagements);
  }

  /**
   * One event of the person.
   *
   * @param name its name
   * @param occurredAt when it happened (the sender's timestamp)
   * @param data its data
   */
  public record EventFact(String name, Instant occurredAt, JsonObject data) {}

  /**
   * A relationship of the person to an object.
   *
   * @param objectTypeId the object's type ({@code "1"}, …)
   * @param objectAttributes the object's attributes
   * @param relationshipAttributes the relationship's attributes
   */
  public record RelationshipFact(
      String objectTypeId, JsonObject objectAttributes, JsonObject relationshipAttributes) {}

  /**
   * A device of the person.
   *
   * @param platform {@code ios} or {@code android}
   * @param pushEnabled whether push is enabled on it
   */
  public record DeviceFact(String platform, boolean pushEnabled) {}

  /**
   * A message engagement of the person.
   *
   * @param metric what happened
   * @param messageId the message, or {@code null}
   * @param campaignId the campaign or journey, or {@code null}
   * @param occurredAt when
   */
  public record EngagementFact(
      EngagementCondition.Metric metric, String messageId, String campaignId, Instant occurredAt) {}
}
