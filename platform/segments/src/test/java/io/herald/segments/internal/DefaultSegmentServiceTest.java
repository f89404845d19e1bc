package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.workspace.api.WorkspaceId;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The checks made before anything is read or written (no container: collaborators are unset). */
class DefaultSegmentServiceTest {

  private final DefaultSegmentService service = new DefaultSegmentService();
  private final WorkspaceId workspace = new WorkspaceId(1);

  @Test
  void aNameIsRequiredAndLengthsAreBounded() {
    assertThatThrownBy(() -> service.createManual(workspace, "  ", null))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessage("segment.name is required");
    assertThatThrownBy(() -> service.createManual(workspace, "n".repeat(256), "d".repeat(1001)))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessage(
            "segment.name is 256 characters; the limit is 255; "
                + "segment.description is 1001 characters; the limit is 1000");
    // Characters, not UTF-16 units: 255 emoji fit.
    assertThatThrownBy(() -> service.createManual(workspace, "😀".repeat(256), null))
        .hasMessage("segment.name is 256 characters; the limit is 255");
  }

  @Test
  void atMostAThousandPeoplePerCall() {
    var refs = Collections.nCopies(1001, new PersonRef(IdType.ID, "x"));
    assertThatThrownBy(() -> service.addMembers(workspace, 1, refs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1001 people in one call; the limit is 1000");
    assertThatThrownBy(() -> service.removeMembers(workspace, 1, refs))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
