package io.herald.exports.api;

import io.herald.workspace.api.WorkspaceId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Customer.io's customer exports: a CSV of the people an {@link AudienceFilter} matches, built in
 * the background on the node that accepted the request and stored in the database, so any node
 * serves the file.
 */
public interface ExportService {

  /** Most attribute columns an export may ask for. */
  int MAX_COLUMNS = 300;

  /**
   * Starts an export of the people {@code filter} matches. The CSV's columns are {@code
   * cio_id,id,email}, then the {@code attributes} given, in their order (identifiers and repeats
   * dropped), or, without {@code attributes}, every attribute name the matched people have
   * (sorted).
   *
   * @return the new export, {@link ExportStatus#PENDING} (or already failed when no thread could
   *     take it)
   * @throws InvalidExportException when the filter names a segment the workspace does not have, or
   *     an attribute column is blank or too long, or there are more than {@link #MAX_COLUMNS}
   */
  ExportView exportCustomers(
      WorkspaceId workspace, AudienceFilter filter, Optional<List<String>> attributes);

  /**
   * The workspace's exports, newest first. Pending exports that have made no progress for too long
   * are marked failed first.
   */
  List<ExportView> list(WorkspaceId workspace);

  /** One export of the workspace (stale pending exports are marked failed first). */
  Optional<ExportView> find(WorkspaceId workspace, long exportId);

  /**
   * Signs a download link for a done export, valid for a limited time.
   *
   * @throws ExportNotFoundException when the workspace has no such export
   * @throws ExportNotReadyException when it is pending or failed
   */
  DownloadLink downloadLink(WorkspaceId workspace, long exportId);

  /**
   * Checks a download link's query parameters (any of them may be {@code null}); {@link
   * LinkCheck#VALID} only for a correctly signed, unexpired link of a done export.
   */
  LinkCheck checkLink(long exportId, String expires, String signature);

  /**
   * Writes the CSV of a done export to {@code out} (chunk by chunk; never all of it in memory) and
   * counts the download. Call after {@link #checkLink} said {@link LinkCheck#VALID}.
   *
   * @throws ExportNotFoundException when there is no done export {@code exportId}
   */
  void writeCsv(long exportId, OutputStream out) throws IOException;
}
