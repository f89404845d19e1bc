package io.herald.objects.api;

/**
 * All identifiers of an existing object.
 *
 * @param typeId its type id ({@code "1"})
 * @param objectId the customer's id of the object
 * @param cioObjectId Herald's stable id
 */
public record ObjectIdentifiers(String typeId, String objectId, String cioObjectId) {

  /** A reference by type and object id. */
  public ObjectRef ref() {
    return ObjectRef.of(typeId, objectId);
  }
}
