package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Suppressed identifiers; ids match as given, emails case-insensitively. */
@ApplicationScoped
public class SuppressionRepository {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  @Resource(lookup = DataSources.TRANSACTIONAL)
  DataSource dataSource;

  boolean suppressed(long workspaceId, PersonRef ref) {
    if (ref.type() == IdType.CIO_ID) {
      return false;
    }
    return !em.createQuery(
            "SELECT s.id FROM Suppression s WHERE s.workspaceId = :ws AND s.idType = :type"
                + " AND s.idKey = :key",
            Long.class)
        .setParameter("ws", workspaceId)
        .setParameter("type", ref.type())
        .setParameter("key", key(ref))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Those of {@code refs} that are suppressed: one statement for all of them (a group of identify
   * calls checks every path identifier and body id and email it names).
   */
  List<PersonRef> suppressedAmong(long workspaceId, List<PersonRef> refs) {
    List<PersonRef> checked = refs.stream().filter(r -> r.type() != IdType.CIO_ID).toList();
    if (checked.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT id_type, id_key FROM people_suppression WHERE workspace_id = ? AND (");
    for (int i = 0; i < checked.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("(id_type = ? AND id_key = ?)");
    }
    // Plain JDBC on the JTA datasource (it joins the identify group's transaction): this runs for
    // every group, and EclipseLink's native query cost a tenth of an identify call's CPU (T2).
    List<PersonRef> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql.append(")").toString())) {
      int index = 1;
      query.setLong(index++, workspaceId);
      for (PersonRef ref : checked) {
        query.setString(index++, ref.type().name());
        query.setString(index++, key(ref));
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(new PersonRef(IdType.valueOf(rs.getString(1)), rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("suppressions unreadable: " + e.getMessage(), e);
    }
    return found;
  }

  /** Records {@code ref} as suppressed (no-op when it already is, or for a cio_id). */
  void suppress(long workspaceId, PersonRef ref, Instant now) {
    if (ref.type() != IdType.CIO_ID && !suppressed(workspaceId, ref)) {
      em.persist(new Suppression(workspaceId, ref.type(), key(ref), now));
    }
  }

  /** Lifts the suppression of {@code ref}; returns whether there was one. */
  boolean unsuppress(long workspaceId, PersonRef ref) {
    return em.createQuery(
                "DELETE FROM Suppression s WHERE s.workspaceId = :ws AND s.idType = :type"
                    + " AND s.idKey = :key")
            .setParameter("ws", workspaceId)
            .setParameter("type", ref.type())
            .setParameter("key", key(ref))
            .executeUpdate()
        > 0;
  }

  private static String key(PersonRef ref) {
    return ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
  }
}
