package io.herald.segments.internal.realtime;

import java.util.Objects;

/** What changed about a person, as the index of data segments looks it up. */
public sealed interface Trigger {

  /** Anything may have changed (a new person, a merge, a timer): every data segment. */
  record Everything() implements Trigger {}

  /** A top-level attribute of the person changed. */
  record Attribute(String name) implements Trigger {
    /** Requires the name. */
    public Attribute {
      Objects.requireNonNull(name, "name");
    }
  }

  /** An event of this name was recorded for the person. */
  record Event(String name) implements Trigger {
    /** Requires the name. */
    public Event {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A relationship to an object of this type (or the object's attributes) changed. */
  record Relationship(String objectTypeId) implements Trigger {
    /** Requires the type. */
    public Relationship {
      Objects.requireNonNull(objectTypeId, "objectTypeId");
    }
  }

  /** The person's devices changed. */
  record Device() implements Trigger {}

  /** A message engagement was recorded for the person. */
  record Engagement() implements Trigger {}

  /** The person entered or left this segment (manual or data-driven). */
  record Membership(long segmentId) implements Trigger {}

  /** The trigger for everything. */
  static Trigger everything() {
    return new Everything();
  }
}
