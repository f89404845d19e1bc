package io.herald.objects.api;

/**
 * The call names an object (by {@code cio_object_id}, or for reads and deletes by type and id) that
 * does not exist, and the operation never creates one. Nothing was written.
 */
public class ObjectNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ObjectRef ref;

  /** {@code ref} names no object of the workspace. */
  public ObjectNotFoundException(ObjectRef ref) {
    super("no object with " + ref.describe());
    this.ref = ref;
  }

  /** The reference that matched nothing. */
  public ObjectRef ref() {
    return ref;
  }
}
