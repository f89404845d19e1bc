package io.herald.webadmin.segments;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.WriteOutcome;
import io.herald.webadmin.ConsoleMessages;
import io.herald.workspace.api.WorkspaceId;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Changes the members of one manual segment for the segment page, and tells the operator what
 * happened: one person at a time, or everyone a CSV file names ({@link MemberCsv}), added {@link
 * SegmentService#MAX_REFERENCES} references per call. Each call is a transaction of its own: when a
 * later call is refused (the segment was deleted meanwhile) the earlier ones stay applied and the
 * rest count as skipped.
 */
final class MemberWrites {

  private final SegmentService segments;
  private final ConsoleMessages messages;
  private final WorkspaceId workspace;
  private final long segmentId;

  MemberWrites(
      SegmentService segments, ConsoleMessages messages, WorkspaceId workspace, long segmentId) {
    this.segments = segments;
    this.messages = messages;
    this.workspace = workspace;
    this.segmentId = segmentId;
  }

  /** Adds or removes the person {@code reference} names; false when it names nobody well-formed. */
  boolean changeOne(IdType type, String reference, boolean add) {
    String value = reference == null ? "" : reference.trim();
    PersonRef ref = new PersonRef(type, value);
    if (!ref.wellFormed()) {
      messages.error(
          "Give the person's "
              + MemberCsv.name(type)
              + ": 1 to "
              + PersonRef.MAX_BYTES
              + " bytes.");
      return false;
    }
    MembershipResult result =
        add
            ? segments.addMembers(workspace, segmentId, List.of(ref))
            : segments.removeMembers(workspace, segmentId, List.of(ref));
    if (refused(messages, segmentId, result.outcome())) {
      return true;
    }
    String who = MemberCsv.name(type) + " " + value;
    if (result.skipped() > 0) {
      messages.error("No person has " + who + ".");
    } else if (result.changed() > 0) {
      messages.info(
          (add ? "Added " : "Removed ") + who + (add ? " to" : " from") + " the segment.");
    } else {
      messages.info(who + (add ? " is already a member." : " is not a member."));
    }
    return true;
  }

  /** Adds everyone {@code file} names as {@code type}; a malformed file adds nobody. */
  void upload(IdType type, Part file) {
    if (file == null || file.getSize() == 0) {
      messages.error("Choose a CSV file with one column of " + MemberCsv.name(type) + "s.");
      return;
    }
    List<PersonRef> refs;
    try (InputStream in = file.getInputStream()) {
      refs = MemberCsv.read(in, type);
    } catch (MalformedCsvException e) {
      messages.error("CSV not uploaded: " + e.getMessage() + ". Nobody was added.");
      return;
    } catch (IOException e) {
      messages.error("CSV not uploaded: the file could not be read (" + e.getMessage() + ").");
      return;
    }
    MembershipResult result = addAll(refs);
    if (!refused(messages, segmentId, result.outcome()) || result.changed() > 0) {
      messages.info(
          "CSV uploaded: "
              + refs.size()
              + " rows; "
              + result.changed()
              + " added, "
              + result.unchanged()
              + " already members, "
              + result.skipped()
              + " skipped (no person has that "
              + MemberCsv.name(type)
              + ").");
    }
  }

  /** Adds {@code refs} in chunks and totals what the calls did. */
  MembershipResult addAll(List<PersonRef> refs) {
    int changed = 0;
    int unchanged = 0;
    int skipped = 0;
    for (int from = 0; from < refs.size(); from += SegmentService.MAX_REFERENCES) {
      List<PersonRef> chunk =
          refs.subList(from, Math.min(refs.size(), from + SegmentService.MAX_REFERENCES));
      MembershipResult result = segments.addMembers(workspace, segmentId, chunk);
      if (result.outcome() != WriteOutcome.DONE) {
        return new MembershipResult(
            result.outcome(), changed, unchanged, skipped + refs.size() - from);
      }
      changed += result.changed();
      unchanged += result.unchanged();
      skipped += result.skipped();
    }
    return new MembershipResult(WriteOutcome.DONE, changed, unchanged, skipped);
  }

  /** Whether {@code outcome} refused the write, after saying why. */
  static boolean refused(ConsoleMessages messages, long segmentId, WriteOutcome outcome) {
    switch (outcome) {
      case NO_SUCH_SEGMENT -> messages.error("There is no segment " + segmentId + " any more.");
      case NOT_MANUAL ->
          messages.error(
              "Segment "
                  + segmentId
                  + " is a data segment: its members follow its conditions; change those.");
      case DONE -> {
        return false;
      }
    }
    return true;
  }
}
