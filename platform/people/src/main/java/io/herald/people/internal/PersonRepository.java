package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Finds and stores people of a workspace. */
@ApplicationScoped
public class PersonRepository {

  /** Values per IN list of a bulk lookup. */
  private static final int LOOKUP_CHUNK = 500;

  @PersistenceContext(unitName = "people")
  EntityManager em;

  /** At most this many people share one number (its spellings) in a lookup by number. */
  static final int MAX_PHONE_MATCHES = 100;

  @Resource(lookup = DataSources.TRANSACTIONAL)
  DataSource dataSource;

  /** The person {@code ref} points at in {@code workspaceId}. */
  Optional<Person> find(long workspaceId, PersonRef ref) {
    String column = column(ref.type());
    String value = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p." + column + " = :v",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("v", value)
        .getResultStream()
        .findFirst();
  }

  /** The people whose phone attribute's E.164 form ({@link PhoneNumbers}) is {@code e164}. */
  List<Person> findByPhoneE164(long workspaceId, String e164) {
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p.phoneE164 = :v ORDER BY p.id",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("v", e164)
        .setMaxResults(MAX_PHONE_MATCHES)
        .getResultList();
  }

  /** The people whose {@code type} identifier is one of {@code keys} (emails lower-cased). */
  List<Person> findAll(long workspaceId, IdType type, Collection<String> keys) {
    List<Person> found = new ArrayList<>();
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      found.addAll(
          em.createQuery(
                  "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p."
                      + column(type)
                      + " IN :keys",
                  Person.class)
              .setParameter("ws", workspaceId)
              .setParameter("keys", all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)))
              .getResultList());
    }
    return found;
  }

  /**
   * The identifiers of the people whose {@code type} identifier is one of {@code keys} (emails
   * lower-cased), as {@code [cio_id, id, email, email_key, phone]} rows; attributes are not loaded.
   * Plain JDBC on the JTA datasource (it joins the caller's transaction, if any): this runs for
   * every Track event, and the JPQL query cost more CPU than the rest of the call.
   */
  List<Object[]> identifiers(long workspaceId, IdType type, Collection<String> keys) {
    String column = sqlColumn(type);
    List<Object[]> rows = new ArrayList<>();
    List<String> all = List.copyOf(keys);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
        String sql =
            "SELECT cio_id, customer_id, email, email_key, phone FROM people_person"
                + " WHERE workspace_id = ? AND "
                + column
                + " IN ("
                + String.join(",", Collections.nCopies(chunk.size(), "?"))
                + ")";
        try (PreparedStatement query = c.prepareStatement(sql)) {
          query.setLong(1, workspaceId);
          for (int i = 0; i < chunk.size(); i++) {
            query.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)
                  });
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("people unreadable: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * The person {@code ref} points at in {@code workspaceId}, as callers outside this module see it.
   * Plain JDBC on the JTA datasource (it joins the caller's transaction, if any; this module's
   * writes are committed by their own group transactions, so no caller holds unflushed changes to a
   * person): a transactional send looks its person up per call, and the JPQL query (EclipseLink
   * preparing it and building the entity) took 15% of that call's request thread (bench/send, T7).
   */
  Optional<PersonView> view(long workspaceId, PersonRef ref) {
    String value = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
    String sql =
        "SELECT cio_id, customer_id, email, attributes, attribute_timestamps, unsubscribed,"
            + " created_at, updated_at FROM people_person WHERE workspace_id = ? AND "
            + sqlColumn(ref.type())
            + " = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setLong(1, workspaceId);
      query.setString(2, value);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            PersonDocuments.view(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                DateTimes.instant(rs.getObject(7)),
                DateTimes.instant(rs.getObject(8))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("people unreadable: " + e.getMessage(), e);
    }
  }

  /** Up to {@code limit} people of the workspace whose cio_id sorts after {@code after}. */
  List<Person> scan(long workspaceId, String after, int limit) {
    // Keyset paging on the unique (workspace_id, cio_id) key: every page is one index range scan.
    return em.createQuery(
            "SELECT p FROM Person p WHERE p.workspaceId = :ws AND p.cioId > :after"
                + " ORDER BY p.cioId",
            Person.class)
        .setParameter("ws", workspaceId)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The cio_id of the person with this row id. */
  Optional<String> cioIdOf(long personId) {
    return em.createQuery("SELECT p.cioId FROM Person p WHERE p.id = :id", String.class)
        .setParameter("id", personId)
        .getResultStream()
        .findFirst();
  }

  void add(Person person) {
    em.persist(person);
  }

  void record(Merge merge) {
    em.persist(merge);
  }

  void remove(Person person) {
    em.remove(person);
  }

  void flush() {
    em.flush();
  }

  private static String sqlColumn(IdType type) {
    return switch (type) {
      case ID -> "customer_id";
      case EMAIL -> "email_key";
      case CIO_ID -> "cio_id";
      case PHONE -> "phone";
    };
  }

  private static String column(IdType type) {
    return switch (type) {
      case ID -> "customerId";
      case EMAIL -> "emailKey";
      case CIO_ID -> "cioId";
      case PHONE -> "phone";
    };
  }
}
