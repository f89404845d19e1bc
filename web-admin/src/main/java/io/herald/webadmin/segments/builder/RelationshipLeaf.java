package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import java.io.Serializable;
import java.util.List;

/** A relationship leaf: related to an object of a type, with object and relationship filters. */
public final class RelationshipLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  private String objectTypeId = "";
  private final Filters object = new Filters();
  private final Filters relationship = new Filters();

  void read(RelationshipCondition condition) {
    objectTypeId = condition.objectTypeId();
    object.read(condition.object());
    relationship.read(condition.relationship());
  }

  RelationshipCondition toCondition(Problems.Scope problems) {
    String type = objectTypeId.trim();
    if (type.isEmpty()) {
      problems.add("object type", "choose the object type");
    }
    List<PropertyMatch> objectFilters = object.toFilters(problems, "object");
    List<PropertyMatch> relationshipFilters = relationship.toFilters(problems, "relationship");
    if (type.isEmpty() || objectFilters == null || relationshipFilters == null) {
      return null;
    }
    return new RelationshipCondition(type, objectFilters, relationshipFilters);
  }

  public String getObjectTypeId() {
    return objectTypeId;
  }

  public void setObjectTypeId(String objectTypeId) {
    this.objectTypeId = objectTypeId == null ? "" : objectTypeId;
  }

  /** Filters on the object's attributes. */
  public Filters getObject() {
    return object;
  }

  /** Filters on the relationship's attributes. */
  public Filters getRelationship() {
    return relationship;
  }
}
