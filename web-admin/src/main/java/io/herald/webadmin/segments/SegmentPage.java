package io.herald.webadmin.segments;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonIdentifiers;
import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.MembershipChange;
import io.herald.segments.api.SegmentInUseException;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A segment ({@code ?id=}): name, description, type and member count; its members in join order,
 * {@value #MEMBERS_PER_PAGE} a page ({@code &after=} is the previous page's cursor, so only Next
 * and First page exist), each linking to the person; its latest {@value #CHANGES_SHOWN} enters and
 * exits with their cause. A manual segment also takes people one at a time or from a CSV file
 * ({@link MemberCsv}); any segment can be deleted. Changes need {@code admin} or {@code editor},
 * checked here as well as hidden in the view.
 *
 * <p>View-scoped, so the forms that depend on the segment's type are there when their postback is
 * decoded (a request-scoped bean would not have loaded the segment yet, and Faces would skip the
 * forms). It keeps only the id and cursor across requests: what it shows is transient and read
 * again when missing.
 */
@Named
@ViewScoped
public class SegmentPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Members per page. */
  public static final int MEMBERS_PER_PAGE = 25;

  /** Enters and exits shown. */
  public static final int CHANGES_SHOWN = 20;

  /**
   * A member, or the person of a change, with the identifiers the console shows.
   *
   * @param cioId the person's cio_id
   * @param id the customer id, {@code null} when unset or the person is gone
   * @param email the email, {@code null} when unset or the person is gone
   */
  public record PersonRow(String cioId, String id, String email) {}

  /** A recorded enter or exit with the person's identifiers. */
  public record ChangeRow(MembershipChange change, PersonRow person) {}

  @Inject SegmentService segments;
  @Inject DataSegmentService dataSegments;
  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long id;
  private long after;
  private transient boolean loaded;
  private transient SegmentView segment;
  private transient long count;
  private transient List<PersonRow> members = List.of();
  private transient Long next;
  private transient List<ChangeRow> changes = List.of();
  private IdType idType = IdType.ID;
  private String reference;
  private transient Part file;

  /** The outcome that opens segment {@code id} after an action (a redirect). */
  static String outcome(long id) {
    return "/segment?faces-redirect=true&id=" + id;
  }

  /** Loads the segment, a page of members and the recent changes (the view's action). */
  public void load() {
    loaded = true;
    segment = null;
    count = 0;
    next = null;
    members = List.of();
    changes = List.of();
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see segments.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (id == null || ws.isEmpty()) {
      messages.error("Name a segment: segment.xhtml?id=<segment id>.");
      return;
    }
    segment = segments.find(ws.get(), id).orElse(null);
    if (segment == null) {
      messages.error("There is no segment " + id + ".");
      return;
    }
    count = segments.count(ws.get(), id).orElse(0);
    MemberPage page =
        segments
            .members(ws.get(), id, Math.max(0, after), MEMBERS_PER_PAGE)
            .orElse(new MemberPage(List.of(), java.util.OptionalLong.empty()));
    next = page.next().isPresent() ? page.next().getAsLong() : null;
    List<MembershipChange> recent =
        dataSegments.recentChanges(ws.get(), id, CHANGES_SHOWN).orElse(List.of());
    Map<String, PersonIdentifiers> known =
        people.lookup(
            ws.get(),
            IdType.CIO_ID,
            java.util.stream.Stream.concat(
                    page.cioIds().stream(), recent.stream().map(MembershipChange::cioId))
                .distinct()
                .toList());
    members = page.cioIds().stream().map(c -> row(c, known)).toList();
    changes = recent.stream().map(c -> new ChangeRow(c, row(c.cioId(), known))).toList();
  }

  private static PersonRow row(String cioId, Map<String, PersonIdentifiers> known) {
    PersonIdentifiers p = known.get(cioId);
    return p == null ? new PersonRow(cioId, null, null) : new PersonRow(cioId, p.id(), p.email());
  }

  /** Adds the person {@link #getReference()} names (as {@link #getIdType()}). */
  public void addPerson() {
    changeOne(true);
  }

  /** Removes the person {@link #getReference()} names (as {@link #getIdType()}). */
  public void removePerson() {
    changeOne(false);
  }

  private void changeOne(boolean add) {
    Optional<WorkspaceId> ws = mayChangeMembers();
    if (ws.isEmpty()) {
      return;
    }
    if (new MemberWrites(segments, messages, ws.get(), id).changeOne(idType, reference, add)) {
      reference = null;
    }
    load();
  }

  /** Adds everyone the uploaded CSV file names, {@link SegmentService#MAX_REFERENCES} per call. */
  public void upload() {
    Optional<WorkspaceId> ws = mayChangeMembers();
    if (ws.isEmpty()) {
      return;
    }
    new MemberWrites(segments, messages, ws.get(), id).upload(idType, file);
    load();
  }

  /** Deletes the segment and returns to the list. */
  public String delete() {
    Optional<WorkspaceId> ws = mayChange();
    if (ws.isEmpty()) {
      return null;
    }
    String name = segments.find(ws.get(), id).map(SegmentView::name).orElse("");
    WriteOutcome outcome;
    try {
      outcome = segments.delete(ws.get(), id);
    } catch (SegmentInUseException e) {
      messages.error(
          "Segment not deleted: the conditions of "
              + e.referencedBy().stream()
                  .map(s -> "“" + s.name() + "” (" + s.id() + ")")
                  .collect(java.util.stream.Collectors.joining(", "))
              + " use it. Change those first.");
      load();
      return null;
    }
    if (MemberWrites.refused(messages, id, outcome)) {
      load();
      return null;
    }
    messages.info("Segment “" + name + "” deleted.");
    messages.keepForRedirect();
    return "/segments?faces-redirect=true";
  }

  private Optional<WorkspaceId> mayChangeMembers() {
    Optional<WorkspaceId> ws = mayChange();
    if (ws.isPresent()
        && segments.find(ws.get(), id).map(SegmentView::type).orElse(null) == SegmentType.DATA) {
      MemberWrites.refused(messages, id, WriteOutcome.NOT_MANUAL);
      load();
      return Optional.empty();
    }
    return ws;
  }

  private Optional<WorkspaceId> mayChange() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change segments.");
      return Optional.empty();
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || id == null) {
      messages.error("Name a segment: segment.xhtml?id=<segment id>.");
      return Optional.empty();
    }
    return ws;
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getAfter() {
    return after;
  }

  public void setAfter(long after) {
    this.after = after;
  }

  /** Reads what the page shows again when this bean comes back from serialization. */
  private void ensureLoaded() {
    if (!loaded && id != null) {
      load();
    }
  }

  /** The segment, {@code null} when none was found. */
  public SegmentView getSegment() {
    ensureLoaded();
    return segment;
  }

  /** Whether the segment is manual, so people can be added and removed here. */
  public boolean isManual() {
    return getSegment() != null && segment.type() == SegmentType.MANUAL;
  }

  public long getCount() {
    ensureLoaded();
    return count;
  }

  public List<PersonRow> getMembers() {
    ensureLoaded();
    return members;
  }

  /** The cursor of the next page of members, {@code null} on the last page. */
  public Long getNext() {
    ensureLoaded();
    return next;
  }

  /** Whether this is a later page of members (so a link to the first is useful). */
  public boolean isPaged() {
    return after > 0;
  }

  public List<ChangeRow> getChanges() {
    ensureLoaded();
    return changes;
  }

  /** The identifier kinds people are named by here: id, email, cio_id. */
  public IdType[] getIdTypes() {
    return new IdType[] {IdType.ID, IdType.EMAIL, IdType.CIO_ID};
  }

  public IdType getIdType() {
    return idType;
  }

  public void setIdType(IdType idType) {
    this.idType = idType == null ? IdType.ID : idType;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
