package io.herald.webadmin.segments.builder;

/** The kinds of leaf the builder offers, one per leaf type of the condition model. */
public enum LeafKind {
  /** A person attribute. */
  ATTRIBUTE("Attribute"),
  /** An event performed or not. */
  EVENT("Event"),
  /** A message engagement. */
  ENGAGEMENT("Message engagement"),
  /** A relationship to an object. */
  RELATIONSHIP("Relationship"),
  /** Membership of another segment. */
  SEGMENT("Segment"),
  /** A push device. */
  DEVICE("Device");

  private final String label;

  LeafKind(String label) {
    this.label = label;
  }

  /** What the kind select shows. */
  public String getLabel() {
    return label;
  }
}
