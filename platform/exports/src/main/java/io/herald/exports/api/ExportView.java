package io.herald.exports.api;

import java.time.Instant;
import java.util.Optional;

/**
 * An export, as the App API shows it.
 *
 * @param id the export id
 * @param type what was exported: {@code customers}
 * @param status pending, done or failed
 * @param total rows in the file (people matched so far while pending)
 * @param scanned people examined so far (progress; Herald extension)
 * @param description what the export holds, derived from its filter
 * @param failureReason why it failed; empty unless {@link ExportStatus#FAILED}
 * @param downloads how many times the file was served
 * @param createdAt when it was asked for
 * @param updatedAt its last change (progress included)
 */
public record ExportView(
    long id,
    String type,
    ExportStatus status,
    long total,
    long scanned,
    String description,
    Optional<String> failureReason,
    int downloads,
    Instant createdAt,
    Instant updatedAt) {}
