package io.herald.shared.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row with an {@link Instant} field, mapped like the modules' entities' time fields. */
@Entity
@Table(name = "t_timed")
public class TimedRow {

  @Id private Long id;

  @Column(name = "at")
  private Instant at;

  protected TimedRow() {}

  TimedRow(long id, Instant at) {
    this.id = id;
    this.at = at;
  }

  Instant at() {
    return at;
  }
}
