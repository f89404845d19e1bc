package io.herald.objects.internal;

import io.herald.objects.api.ObjectTypeView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An object type of a workspace; {@code typeId} is Customer.io's {@code object_type_id}. */
@Entity
@Table(name = "objects_type")
public class ObjectType {

  /** Longest type name. */
  static final int MAX_NAME_LENGTH = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "type_id", nullable = false)
  private int typeId;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ObjectType() {}

  ObjectType(long workspaceId, int typeId, String name, Instant createdAt) {
    this.workspaceId = workspaceId;
    this.typeId = typeId;
    this.name = name;
    this.createdAt = createdAt;
  }

  /** The name given to a type an identify created: {@code Type 3}. */
  static String defaultName(int typeId) {
    return "Type " + typeId;
  }

  int typeId() {
    return typeId;
  }

  String name() {
    return name;
  }

  ObjectTypeView view() {
    return new ObjectTypeView(Integer.toString(typeId), name, createdAt);
  }
}
