package io.herald.exports.internal;

import io.herald.exports.api.AudienceFilter;
import io.herald.exports.api.DownloadLink;
import io.herald.exports.api.ExportNotFoundException;
import io.herald.exports.api.ExportNotReadyException;
import io.herald.exports.api.ExportService;
import io.herald.exports.api.ExportStatus;
import io.herald.exports.api.ExportView;
import io.herald.exports.api.InvalidExportException;
import io.herald.exports.api.InvalidExportException.Problem;
import io.herald.exports.api.LinkCheck;
import io.herald.segments.api.SegmentService;
import io.herald.shared.crypto.SecretCipher;
import io.herald.shared.json.Jsons;
import io.herald.shared.lifecycle.DatabaseReady;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates export rows and hands them to this node's export threads (the job runs on the node that
 * accepted the request), reads them, and signs and serves their files.
 *
 * <p>The threads come from the container's managed thread factory, not the managed executor: a task
 * on the default managed executor carries the submitting request's invocation, and Payara closed
 * the request's non-transactional entity managers (those of reads before the submit, in any module)
 * when the task ended, so the request's own end failed with "closed EntityManager" (a 500 seen once
 * in CI).
 */
@ApplicationScoped
public class DefaultExportService implements ExportService {

  /** How long a download link stays valid (Customer.io's links expire after 15 minutes). */
  static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

  private static final Logger LOG = Logger.getLogger(DefaultExportService.class.getName());

  @Inject ExportRepository exports;

  @Inject ExportJob job;

  @Inject StaleExports stale;

  @Inject SegmentService segments;

  @Inject SecretCipher secretCipher;

  @Inject Clock clock;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Export jobs at once on this node; more wait in a bounded queue. */
  private static final int EXPORT_THREADS = 2;

  private static final int WAITING_EXPORTS = 100;

  private ThreadPoolExecutor executor;

  @PostConstruct
  void createThreads() {
    executor =
        new ThreadPoolExecutor(
            EXPORT_THREADS,
            EXPORT_THREADS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING_EXPORTS),
            threads);
  }

  /**
   * Starts the threads when the node starts: a managed thread keeps the context of where it was
   * made, which must be the application's, not the first export request's.
   */
  void startThreads(@Observes DatabaseReady ready) {
    executor.prestartAllCoreThreads();
  }

  @PreDestroy
  void stopThreads() {
    executor.shutdownNow();
  }

  private volatile LinkSignature signature;

  @Override
  public ExportView exportCustomers(
      WorkspaceId workspace, AudienceFilter filter, Optional<List<String>> attributes) {
    List<Problem> problems = new ArrayList<>();
    for (long segmentId : filter.segmentIds()) {
      if (segments.find(workspace, segmentId).isEmpty()) {
        problems.add(new Problem("filters", "segment " + segmentId + " does not exist"));
      }
    }
    Optional<List<String>> columns = attributes.map(given -> columns(given, problems));
    if (!problems.isEmpty()) {
      throw new InvalidExportException(problems);
    }
    String description = "Customers matching " + filter.describe();
    if (description.length() > 1000) {
      description = description.substring(0, 997) + "...";
    }
    String columnsJson = null;
    if (columns.isPresent()) {
      JsonArrayBuilder list = Jsons.createArrayBuilder();
      columns.get().forEach(list::add);
      columnsJson = list.build().toString();
    }
    Export export =
        exports.create(
            new Export(
                workspace.value(),
                filter.toJson().toString(),
                columnsJson,
                description,
                clock.instant()));
    long id = export.id();
    ExportJob.Request request = new ExportJob.Request(id, workspace, filter, columns);
    try {
      executor.execute(() -> job.run(request));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "no thread for export " + id, e);
      exports.fail(id, "no thread was free to run the export; create it again", clock.instant());
    }
    return exports.find(id).map(Export::view).orElseThrow();
  }

  /** Validates the requested columns: dropped identifiers and repeats, at most MAX_COLUMNS. */
  private static List<String> columns(List<String> attributes, List<Problem> problems) {
    Set<String> columns = new LinkedHashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      String name = attributes.get(i);
      if (name == null || name.isBlank()) {
        problems.add(new Problem("attributes[" + i + "]", "must be a non-empty string"));
      } else if (name.getBytes(StandardCharsets.UTF_8).length > 150) {
        problems.add(new Problem("attributes[" + i + "]", "is longer than 150 bytes"));
      } else if (!ExportRows.isIdentifier(name)) {
        columns.add(name);
      }
    }
    if (columns.size() > MAX_COLUMNS) {
      problems.add(
          new Problem(
              "attributes", "names " + columns.size() + " columns; the limit is " + MAX_COLUMNS));
    }
    return List.copyOf(columns);
  }

  @Override
  public List<ExportView> list(WorkspaceId workspace) {
    stale.sweep();
    return exports.list(workspace.value()).stream().map(Export::view).toList();
  }

  @Override
  public Optional<ExportView> find(WorkspaceId workspace, long exportId) {
    stale.sweep();
    return exports.find(workspace.value(), exportId).map(Export::view);
  }

  @Override
  public DownloadLink downloadLink(WorkspaceId workspace, long exportId) {
    ExportView export =
        find(workspace, exportId).orElseThrow(() -> new ExportNotFoundException(exportId));
    if (export.status() == ExportStatus.PENDING) {
      throw new ExportNotReadyException(
          "export " + exportId + " is still pending; download it once its status is done");
    }
    if (export.status() == ExportStatus.FAILED) {
      throw new ExportNotReadyException(
          "export "
              + exportId
              + " failed and has no file: "
              + export.failureReason().orElse("no reason recorded"));
    }
    long expires = clock.instant().plus(LINK_LIFETIME).getEpochSecond();
    return new DownloadLink(exportId, expires, signature().sign(exportId, expires));
  }

  @Override
  public LinkCheck checkLink(long exportId, String expires, String given) {
    if (expires == null || !expires.matches("[0-9]{1,12}") || given == null) {
      return LinkCheck.INVALID;
    }
    long until = Long.parseLong(expires);
    if (!signature().verify(exportId, until, given)) {
      return LinkCheck.INVALID;
    }
    if (Instant.ofEpochSecond(until).isBefore(clock.instant())) {
      return LinkCheck.EXPIRED;
    }
    return exports
        .find(exportId)
        .filter(e -> e.status() == ExportStatus.DONE)
        .map(e -> LinkCheck.VALID)
        .orElse(LinkCheck.INVALID);
  }

  @Override
  public void writeCsv(long exportId, OutputStream out) throws IOException {
    Export export =
        exports
            .find(exportId)
            .filter(e -> e.status() == ExportStatus.DONE)
            .orElseThrow(() -> new ExportNotFoundException(exportId));
    exports.countDownload(exportId);
    for (int seq = 0; seq <= export.chunks(); seq++) {
      Optional<String> chunk = exports.chunk(exportId, seq);
      if (chunk.isPresent()) {
        out.write(chunk.get().getBytes(StandardCharsets.UTF_8));
      }
    }
    out.flush();
  }

  private LinkSignature signature() {
    LinkSignature current = signature;
    if (current == null) {
      current = new LinkSignature(secretCipher.deriveKey(LinkSignature.PURPOSE));
      signature = current;
    }
    return current;
  }
}
