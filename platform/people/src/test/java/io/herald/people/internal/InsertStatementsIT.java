package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import io.herald.people.api.IdType;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The people unit's inserts of entities with database-generated ids close their statements: with
 * EclipseLink reading the id through {@code getGeneratedKeys} (its default on MySQL), every insert
 * left its statement open on the pooled connection (eclipse-ee4j/eclipselink#2366), and the driver
 * scans that ever-growing list on each new statement (100,000 open after 100,000 people were
 * created, a tenth of a Pipelines batch's CPU). The unit's own properties are the ones tested.
 */
class InsertStatementsIT extends PeopleDatabaseTest {

  @Test
  void insertingPeopleAndSuppressionsLeavesNoStatementOpenOnTheConnection() throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      JdbcConnection connection = em.unwrap(Connection.class).unwrap(JdbcConnection.class);
      int before = connection.getActiveStatementCount();
      Instant now = Instant.parse("2026-11-30T12:00:00Z");
      for (int i = 0; i < 40; i++) {
        Person person = new Person(workspace, "leak" + i, now);
        em.persist(person);
        em.persist(new Suppression(workspace, IdType.ID, "gone" + i, now));
        em.flush();
        assertThat(person.id()).as("the generated id is read back").isPositive();
      }
      assertThat(connection.getActiveStatementCount() - before).isLessThan(5);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }
}
