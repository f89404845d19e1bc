package io.herald.exports.internal;

import io.herald.exports.api.ExportStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory {@link ExportRepository} for one export, with the same conditional semantics. */
class FakeExports extends ExportRepository {

  ExportStatus status = ExportStatus.PENDING;
  String failureReason;
  final TreeMap<Integer, String> chunks = new TreeMap<>();
  long scanned;
  long total;
  int progressCalls;
  final List<Long> staleIds = new ArrayList<>();
  Instant staleCutoff;

  /** Called on every progress update; tests use it to fail the export mid-run. */
  Runnable onProgress = () -> {};

  @Override
  boolean progress(long id, long scanned, long total, Instant now) {
    progressCalls++;
    onProgress.run();
    if (status != ExportStatus.PENDING) {
      return false;
    }
    this.scanned = scanned;
    this.total = total;
    return true;
  }

  @Override
  boolean appendChunk(long id, int seq, String body, long scanned, long total, Instant now) {
    if (!progress(id, scanned, total, now)) {
      return false;
    }
    chunks.put(seq, body);
    return true;
  }

  @Override
  Optional<String> chunk(long id, int seq) {
    return Optional.ofNullable(chunks.get(seq));
  }

  @Override
  boolean rewriteChunk(long id, int seq, String body, long scanned, long total, Instant now) {
    if (!progress(id, scanned, total, now)) {
      return false;
    }
    chunks.put(seq, body);
    return true;
  }

  @Override
  boolean finish(long id, String header, long scanned, long total, Instant now) {
    if (status != ExportStatus.PENDING) {
      return false;
    }
    status = ExportStatus.DONE;
    this.scanned = scanned;
    this.total = total;
    chunks.put(0, header);
    return true;
  }

  @Override
  boolean fail(long id, String reason, Instant now) {
    if (status != ExportStatus.PENDING) {
      return false;
    }
    status = ExportStatus.FAILED;
    failureReason = reason;
    chunks.clear();
    return true;
  }

  @Override
  List<Long> stale(Instant cutoff) {
    staleCutoff = cutoff;
    return List.copyOf(staleIds);
  }

  /** The whole file, chunk 0 first. */
  String file() {
    return String.join("", chunks.values());
  }
}
