package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Match;
import java.io.Serializable;

/** A person attribute leaf: the attribute's name and the comparison. */
public final class AttributeLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  private String attribute = "";
  private final MatchModel match = new MatchModel();

  void read(AttributeCondition condition) {
    attribute = condition.attribute();
    match.read(condition.match());
  }

  AttributeCondition toCondition(Problems.Scope problems) {
    String name = attribute.trim();
    if (name.isEmpty()) {
      problems.add("attribute", "name the attribute");
    }
    Match m = match.toMatch(problems, "value");
    return name.isEmpty() || m == null ? null : new AttributeCondition(name, m);
  }

  public String getAttribute() {
    return attribute;
  }

  public void setAttribute(String attribute) {
    this.attribute = attribute == null ? "" : attribute;
  }

  public MatchModel getMatch() {
    return match;
  }
}
