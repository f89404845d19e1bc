package io.herald.exports.internal;

import io.herald.exports.api.AudienceFilter;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one export on a background thread, in two passes that each hold at most a page of people and
 * a chunk of the file in memory:
 *
 * <ol>
 *   <li>scan the workspace's people in cio_id order ({@link PageReader}, {@value #PAGE} at a time,
 *       with the segments module asked once per page and segment which of them are members), keep
 *       the matched people as JSON lines in chunks of about 1 MB, and note their attribute names;
 *   <li>once the columns are known, rewrite every chunk as CSV records, write the header as chunk 0
 *       and mark the export done.
 * </ol>
 *
 * Every page and every chunk is a transaction of its own that also records progress (the heartbeat
 * the stale sweep reads). When a write reports the export is no longer pending (a sweep failed it),
 * the job stops. Any error fails the export with its reason.
 */
@ApplicationScoped
public class ExportJob {

  /** People read per page. */
  static final int PAGE = 500;

  /** Characters after which a chunk is written. */
  static final int CHUNK_CHARS = 1 << 20;

  /** Most distinct attribute columns an export without an attribute list may collect. */
  static final int MAX_SEEN_COLUMNS = 5000;

  private static final Logger LOG = Logger.getLogger(ExportJob.class.getName());

  @Inject PageReader pages;

  @Inject ExportRepository exports;

  @Inject Clock clock;

  /** Characters after which a chunk is written (a field so tests can make chunks small). */
  int chunkChars = CHUNK_CHARS;

  /**
   * What one run needs to know.
   *
   * @param columns the attribute columns asked for; empty for every attribute seen
   */
  record Request(
      long exportId,
      WorkspaceId workspace,
      AudienceFilter filter,
      Optional<List<String>> columns) {}

  /** Runs the export to done, failed or stopped; never throws. */
  void run(Request request) {
    try {
      if (!scanThenConvert(request)) {
        LOG.info(() -> "export " + request.exportId() + " stopped: it is no longer pending");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "export " + request.exportId() + " failed", e);
      exports.fail(request.exportId(), "the export failed: " + describe(e), clock.instant());
    }
  }

  /** Runs both passes; false when a write found the export no longer pending. */
  private boolean scanThenConvert(Request request) {
    long id = request.exportId();
    Progress progress = new Progress();
    SortedSet<String> seen = new TreeSet<>();
    StringBuilder buffer = new StringBuilder();
    Set<Long> segmentIds = request.filter().segmentIds();
    String after = "";
    while (true) {
      PageReader.Page read = pages.read(request.workspace(), after, PAGE, segmentIds);
      List<PersonView> page = read.people();
      Map<Long, Set<String>> members = read.members();
      for (PersonView person : page) {
        progress.scanned++;
        if (!AudienceMatcher.matches(request.filter(), person, members)) {
          continue;
        }
        progress.total++;
        buffer.append(ExportRows.jsonLine(person)).append('\n');
        if (request.columns().isEmpty()) {
          seen.addAll(ExportRows.attributeNames(person));
          if (seen.size() > MAX_SEEN_COLUMNS) {
            exports.fail(
                id,
                "the matched people have more than "
                    + MAX_SEEN_COLUMNS
                    + " distinct attributes; list the columns you need in attributes",
                clock.instant());
            return true;
          }
        }
        if (buffer.length() >= chunkChars && !flush(id, buffer, progress)) {
          return false;
        }
      }
      if (!exports.progress(id, progress.scanned, progress.total, clock.instant())) {
        return false;
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).cioId();
    }
    if (buffer.length() > 0 && !flush(id, buffer, progress)) {
      return false;
    }
    List<String> columns = request.columns().orElseGet(() -> List.copyOf(seen));
    for (int seq = 1; seq <= progress.chunks; seq++) {
      int chunk = seq;
      String lines =
          exports
              .chunk(id, chunk)
              .orElseThrow(() -> new IllegalStateException("chunk " + chunk + " is missing"));
      String csv = ExportRows.csvChunk(lines, columns);
      if (!exports.rewriteChunk(
          id, chunk, csv, progress.scanned, progress.total, clock.instant())) {
        return false;
      }
    }
    return exports.finish(
        id, ExportRows.header(columns), progress.scanned, progress.total, clock.instant());
  }

  private boolean flush(long id, StringBuilder buffer, Progress progress) {
    progress.chunks++;
    boolean pending =
        exports.appendChunk(
            id,
            progress.chunks,
            buffer.toString(),
            progress.scanned,
            progress.total,
            clock.instant());
    buffer.setLength(0);
    return pending;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Counters of one run. */
  private static final class Progress {
    long scanned;
    long total;
    int chunks;
  }
}
