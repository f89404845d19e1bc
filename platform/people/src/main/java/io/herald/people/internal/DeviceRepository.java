package io.herald.people.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds and stores the push devices of a workspace. */
@ApplicationScoped
public class DeviceRepository {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  /** The device with {@code token} in {@code workspaceId}, whoever has it. */
  Optional<Device> findByToken(long workspaceId, String token) {
    return em.createQuery(
            "SELECT d FROM Device d WHERE d.workspaceId = :ws AND d.token = :token", Device.class)
        .setParameter("ws", workspaceId)
        .setParameter("token", token)
        .getResultStream()
        .findFirst();
  }

  /** A person's devices, most recently used first. */
  List<Device> ofPerson(long personId) {
    return em.createQuery(
            "SELECT d FROM Device d WHERE d.personId = :person"
                + " ORDER BY d.lastUsed DESC, d.id DESC",
            Device.class)
        .setParameter("person", personId)
        .getResultList();
  }

  /** Gives every device of one person to another (a merge). */
  int moveAll(long fromPersonId, long toPersonId) {
    return em.createQuery(
            "UPDATE Device d SET d.personId = :to, d.version = d.version + 1"
                + " WHERE d.personId = :from")
        .setParameter("to", toPersonId)
        .setParameter("from", fromPersonId)
        .executeUpdate();
  }

  void add(Device device) {
    em.persist(device);
  }

  void remove(Device device) {
    em.remove(device);
  }

  void flush() {
    em.flush();
  }
}
