package io.herald.objects.internal;

import io.herald.objects.api.Direction;
import io.herald.objects.api.ObjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/** Finds and stores object types, objects and relationships of a workspace. */
@ApplicationScoped
public class ObjectRepository {

  @PersistenceContext(unitName = "objects")
  EntityManager em;

  // ---- change journal (objects_change, read by journeys) --------------------------------------

  /**
   * Journals a change of {@code object} in the current transaction: {@code created} / {@code
   * updated} (its attributes were written) or {@code related} / {@code unrelated} ({@code cioId}'s
   * relationship), with the object's attributes as they are now.
   */
  void journal(
      long workspaceId, CustomObject object, String kind, String cioId, java.time.Instant at) {
    journal(workspaceId, object, kind, cioId, null, at);
  }

  /**
   * Journals a change of {@code object} naming another object: {@code child_related} / {@code
   * child_unrelated} ({@code other} is the child) or {@code parent_related} / {@code
   * parent_unrelated} ({@code other} is the parent).
   */
  void journal(
      long workspaceId,
      CustomObject object,
      String kind,
      String cioId,
      CustomObject other,
      java.time.Instant at) {
    io.herald.objects.api.ObjectIdentifiers ids = object.identifiers();
    io.herald.objects.api.ObjectIdentifiers others = other == null ? null : other.identifiers();
    em.createNativeQuery(
            "INSERT INTO objects_change (workspace_id, object_type_id, object_id, cio_object_id,"
                + " kind, cio_id, attributes, changed_at, other_type_id, other_object_id,"
                + " other_cio_object_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, workspaceId)
        .setParameter(2, Integer.parseInt(ids.typeId()))
        .setParameter(3, ids.objectId())
        .setParameter(4, ids.cioObjectId())
        .setParameter(5, kind)
        .setParameter(6, cioId)
        .setParameter(7, object.view().attributes().toString())
        .setParameter(8, io.herald.shared.persistence.DateTimes.text(at))
        .setParameter(9, others == null ? null : Integer.parseInt(others.typeId()))
        .setParameter(10, others == null ? null : others.objectId())
        .setParameter(11, others == null ? null : others.cioObjectId())
        .executeUpdate();
  }

  // ---- types ---------------------------------------------------------------------------------

  List<ObjectType> types(long workspaceId) {
    return em.createQuery(
            "SELECT t FROM ObjectType t WHERE t.workspaceId = :ws ORDER BY t.typeId",
            ObjectType.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  Optional<ObjectType> type(long workspaceId, int typeId) {
    return em.createQuery(
            "SELECT t FROM ObjectType t WHERE t.workspaceId = :ws AND t.typeId = :type",
            ObjectType.class)
        .setParameter("ws", workspaceId)
        .setParameter("type", typeId)
        .getResultStream()
        .findFirst();
  }

  Optional<Integer> maxTypesOverride(long workspaceId) {
    WorkspaceSettings settings = em.find(WorkspaceSettings.class, workspaceId);
    return settings == null ? Optional.empty() : settings.maxTypes();
  }

  void add(ObjectType type) {
    em.persist(type);
  }

  // ---- objects -------------------------------------------------------------------------------

  Optional<CustomObject> find(long workspaceId, ObjectRef ref) {
    if (ref.byCioObjectId()) {
      return em.createQuery(
              "SELECT o FROM CustomObject o WHERE o.workspaceId = :ws AND o.cioObjectId = :cio",
              CustomObject.class)
          .setParameter("ws", workspaceId)
          .setParameter("cio", ref.cioObjectId())
          .getResultStream()
          .findFirst();
    }
    return em.createQuery(
            "SELECT o FROM CustomObject o WHERE o.workspaceId = :ws AND o.typeId = :type"
                + " AND o.objectId = :id",
            CustomObject.class)
        .setParameter("ws", workspaceId)
        .setParameter("type", Integer.parseInt(ref.typeId()))
        .setParameter("id", ref.objectId())
        .getResultStream()
        .findFirst();
  }

  void add(CustomObject object) {
    em.persist(object);
  }

  /** Deletes the object and every relationship it takes part in. */
  void remove(CustomObject object) {
    em.createQuery("DELETE FROM PersonRelationship r WHERE r.object = :o")
        .setParameter("o", object)
        .executeUpdate();
    em.createQuery("DELETE FROM ObjectRelationship r WHERE r.parent = :o OR r.child = :o")
        .setParameter("o", object)
        .executeUpdate();
    em.remove(object);
  }

  /**
   * Primary keys of objects of one type after {@code after} matching {@code filter} (may be {@code
   * null}), in order, at most {@code max}.
   */
  List<Long> search(long workspaceId, int typeId, SearchSql filter, long after, int max) {
    String sql =
        "SELECT o.id FROM objects_object o WHERE o.workspace_id = ?1 AND o.type_id = ?2"
            + " AND o.id > ?3"
            + (filter == null ? "" : " AND " + filter.clause())
            + " ORDER BY o.id";
    Query query =
        em.createNativeQuery(sql)
            .setParameter(1, workspaceId)
            .setParameter(2, typeId)
            .setParameter(3, after)
            .setMaxResults(max);
    if (filter != null) {
      for (int i = 0; i < filter.parameters().size(); i++) {
        query.setParameter(4 + i, filter.parameters().get(i));
      }
    }
    return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
  }

  List<CustomObject> objects(List<Long> pks) {
    if (pks.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT o FROM CustomObject o WHERE o.id IN :ids ORDER BY o.id", CustomObject.class)
        .setParameter("ids", pks)
        .getResultList();
  }

  // ---- person relationships ------------------------------------------------------------------

  Optional<PersonRelationship> relationship(CustomObject object, String personCioId) {
    return em.createQuery(
            "SELECT r FROM PersonRelationship r WHERE r.object = :o AND r.personCioId = :p",
            PersonRelationship.class)
        .setParameter("o", object)
        .setParameter("p", personCioId)
        .getResultStream()
        .findFirst();
  }

  List<PersonRelationship> relationshipsOfPerson(long workspaceId, String personCioId) {
    return em.createQuery(
            "SELECT r FROM PersonRelationship r WHERE r.workspaceId = :ws AND r.personCioId = :p"
                + " ORDER BY r.id",
            PersonRelationship.class)
        .setParameter("ws", workspaceId)
        .setParameter("p", personCioId)
        .getResultList();
  }

  List<PersonRelationship> relationshipsOfPerson(
      long workspaceId, String personCioId, long after, int max) {
    return em.createQuery(
            "SELECT r FROM PersonRelationship r WHERE r.workspaceId = :ws AND r.personCioId = :p"
                + " AND r.id > :after ORDER BY r.id",
            PersonRelationship.class)
        .setParameter("ws", workspaceId)
        .setParameter("p", personCioId)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  List<PersonRelationship> relationshipsOfObject(CustomObject object, long after, int max) {
    return em.createQuery(
            "SELECT r FROM PersonRelationship r WHERE r.object = :o AND r.id > :after"
                + " ORDER BY r.id",
            PersonRelationship.class)
        .setParameter("o", object)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  void add(PersonRelationship relationship) {
    em.persist(relationship);
  }

  void remove(PersonRelationship relationship) {
    em.remove(relationship);
  }

  // ---- object relationships ------------------------------------------------------------------

  Optional<ObjectRelationship> relationship(CustomObject parent, CustomObject child) {
    return em.createQuery(
            "SELECT r FROM ObjectRelationship r WHERE r.parent = :p AND r.child = :c",
            ObjectRelationship.class)
        .setParameter("p", parent)
        .setParameter("c", child)
        .getResultStream()
        .findFirst();
  }

  List<ObjectRelationship> objectRelationships(
      CustomObject object, Direction direction, long after, int max) {
    String side = direction == Direction.CHILDREN ? "r.parent" : "r.child";
    return em.createQuery(
            "SELECT r FROM ObjectRelationship r WHERE "
                + side
                + " = :o AND r.id > :after ORDER BY r.id",
            ObjectRelationship.class)
        .setParameter("o", object)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  void add(ObjectRelationship relationship) {
    em.persist(relationship);
  }

  void remove(ObjectRelationship relationship) {
    em.remove(relationship);
  }

  void flush() {
    em.flush();
  }
}
