package io.herald.webadmin.segments;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonIdentifiers;
import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the builder's preview shows: how many people the conditions select now and a sample of them,
 * or why there is no preview. Kept in the builder's view state, so it holds only text and numbers.
 */
public final class PreviewPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** People shown in the sample. */
  public static final int SAMPLE_SIZE = 10;

  /** A person of the sample. */
  public record Sample(String cioId, String id, String email) implements Serializable {}

  private Long count;
  private List<Sample> sample = List.of();
  private String note = "";

  /** Runs the preview of {@code document} and shows its count and sample. */
  void show(
      DataSegmentService segments,
      PeopleService people,
      WorkspaceId workspace,
      ConditionDocument document) {
    SegmentPreview preview = segments.preview(workspace, document, SAMPLE_SIZE);
    Map<String, PersonIdentifiers> known =
        people.lookup(workspace, IdType.CIO_ID, preview.sampleCioIds());
    count = preview.count();
    sample =
        preview.sampleCioIds().stream()
            .map(
                c -> {
                  PersonIdentifiers p = known.get(c);
                  return p == null ? new Sample(c, null, null) : new Sample(c, p.id(), p.email());
                })
            .toList();
    note = "";
  }

  /** Shows no count, and why. */
  void unavailable(String why) {
    count = null;
    sample = List.of();
    note = why;
  }

  /** How many people match, {@code null} when there is no preview. */
  public Long getCount() {
    return count;
  }

  public List<Sample> getSample() {
    return sample;
  }

  /** Why there is no preview; empty when there is one. */
  public String getNote() {
    return note;
  }
}
