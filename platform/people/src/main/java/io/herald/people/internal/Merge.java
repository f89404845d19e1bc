package io.herald.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of one merge: which person was merged into which, and its identifiers then. */
@Entity
@Table(name = "people_merge")
public class Merge {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "primary_cio_id", nullable = false, length = 32)
  private String primaryCioId;

  @Column(name = "secondary_cio_id", nullable = false, length = 32)
  private String secondaryCioId;

  @Column(name = "secondary_customer_id", length = 150)
  private String secondaryCustomerId;

  @Column(name = "secondary_email", length = 1000)
  private String secondaryEmail;

  @Column(name = "merged_at", nullable = false)
  private Instant mergedAt;

  protected Merge() {}

  Merge(long workspaceId, Person primary, Person secondary, Instant mergedAt) {
    this.workspaceId = workspaceId;
    this.primaryCioId = primary.cioId();
    this.secondaryCioId = secondary.cioId();
    this.secondaryCustomerId = secondary.customerId();
    this.secondaryEmail = secondary.email();
    this.mergedAt = mergedAt;
  }
}
