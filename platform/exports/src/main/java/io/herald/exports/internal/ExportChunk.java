package io.herald.exports.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A piece of an export's file: chunk 0 is the CSV header line, chunks 1..n the rows (JSON lines
 * while the job runs, CSV once it is done).
 */
@Entity
@Table(name = "exports_chunk")
@IdClass(ExportChunk.Key.class)
public class ExportChunk {

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The export's id. */
    public long exportId;

    /** The chunk's position. */
    public int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.exportId == exportId && k.seq == seq;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(exportId) * 31 + seq;
    }
  }

  @Id
  @Column(name = "export_id")
  private long exportId;

  @Id
  @Column(name = "seq")
  private int seq;

  @Lob
  @Column(nullable = false)
  private String body;

  protected ExportChunk() {}

  ExportChunk(long exportId, int seq, String body) {
    this.exportId = exportId;
    this.seq = seq;
    this.body = body;
  }
}
