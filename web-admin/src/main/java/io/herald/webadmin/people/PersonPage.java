package io.herald.webadmin.people;

import io.herald.events.api.EventService;
import io.herald.events.api.RecordedEvent;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectTypeView;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.RelationshipView;
import io.herald.people.api.DeviceView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.webadmin.AttributeRow;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person ({@code ?cio=}): identifiers, attributes with the time each was set, the objects they
 * are related to, their activity newest first, {@value #EVENTS_PER_PAGE} events at a time ({@code
 * &from=} skips the newer ones), and the messages sent to them newest first, {@value
 * #DELIVERIES_PER_PAGE} at a time ({@code &sent=} is the last delivery id of the newer page).
 */
@Named
@RequestScoped
public class PersonPage {

  /** Events per timeline page. */
  public static final int EVENTS_PER_PAGE = 20;

  /** Deliveries per page of the messages section. */
  public static final int DELIVERIES_PER_PAGE = 20;

  /** Relationships listed; a note says when a person has more. */
  public static final int RELATIONSHIPS_SHOWN = 100;

  /** Longest event data shown, in characters. */
  static final int DATA_CHARS = 2000;

  /** An event of the timeline, with its data as compact JSON. */
  public record EventRow(RecordedEvent event, String data) {}

  /** A push device, with its attributes as compact JSON and last use as an instant. */
  public record DeviceRow(DeviceView device, java.time.Instant lastUsed, String attributes) {}

  /** A relationship with its object's type name and attributes as compact JSON. */
  public record RelationshipRow(
      RelationshipView relationship, String typeName, String attributes) {}

  @Inject PeopleService people;
  @Inject EventService events;
  @Inject ObjectService objects;
  @Inject MessageService messaging;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String cio;
  private int from;
  private PersonView person;
  private List<AttributeRow> attributes = List.of();
  private List<String> suppressedIdentifiers = List.of();
  private List<RelationshipRow> relationships = List.of();
  private List<DeviceRow> devices = List.of();
  private boolean moreRelationships;
  private List<EventRow> timeline = List.of();
  private boolean older;
  private String sent;
  private List<DeliveryView> deliveries = List.of();
  private boolean olderDeliveries;

  /** Loads the person named by {@code cio} (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see people.");
      return;
    }
    Optional<WorkspaceId> workspace = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (cio == null || cio.isBlank() || workspace.isEmpty()) {
      messages.error("Name a person: person.xhtml?cio=<cio_id>.");
      return;
    }
    WorkspaceId ws = workspace.get();
    person = people.find(ws, new PersonRef(IdType.CIO_ID, cio)).orElse(null);
    if (person == null) {
      messages.error("No person has cio_id " + cio + ".");
      return;
    }
    attributes = AttributeRow.of(person.attributes(), person.timestamps());
    suppressedIdentifiers = suppressed(ws);
    devices =
        people.devices(ws, new PersonRef(IdType.CIO_ID, cio)).stream()
            .map(
                d ->
                    new DeviceRow(
                        d,
                        java.time.Instant.ofEpochSecond(d.lastUsed()),
                        AttributeRow.compact(d.attributes(), DATA_CHARS)))
            .toList();
    loadRelationships(ws);
    from = Math.max(0, from);
    List<RecordedEvent> recent = events.ofPerson(ws, cio, from, EVENTS_PER_PAGE + 1);
    older = recent.size() > EVENTS_PER_PAGE;
    timeline =
        recent.stream()
            .limit(EVENTS_PER_PAGE)
            .map(e -> new EventRow(e, AttributeRow.compact(e.data(), DATA_CHARS)))
            .toList();
    loadDeliveries(ws);
  }

  private void loadDeliveries(WorkspaceId ws) {
    try {
      List<DeliveryView> page =
          messaging.deliveriesOf(ws, cio, blankToNull(sent), DELIVERIES_PER_PAGE + 1);
      olderDeliveries = page.size() > DELIVERIES_PER_PAGE;
      deliveries = page.stream().limit(DELIVERIES_PER_PAGE).toList();
    } catch (NotFoundException e) {
      messages.error("Messages not listed: " + e.getMessage() + ".");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private List<String> suppressed(WorkspaceId ws) {
    List<String> found = new ArrayList<>();
    if (person.id() != null && people.suppressed(ws, new PersonRef(IdType.ID, person.id()))) {
      found.add("id " + person.id());
    }
    if (person.email() != null
        && people.suppressed(ws, new PersonRef(IdType.EMAIL, person.email()))) {
      found.add("email " + person.email());
    }
    return found;
  }

  private void loadRelationships(WorkspaceId ws) {
    Page<RelationshipView> page =
        objects.relationshipsOfPerson(ws, cio, new PageRequest("", RELATIONSHIPS_SHOWN));
    if (page.items().isEmpty()) {
      return;
    }
    Map<String, String> typeNames =
        objects.types(ws).stream()
            .collect(Collectors.toMap(ObjectTypeView::id, ObjectTypeView::name, (a, b) -> a));
    relationships =
        page.items().stream()
            .map(
                r ->
                    new RelationshipRow(
                        r,
                        typeNames.getOrDefault(r.object().typeId(), r.object().typeId()),
                        AttributeRow.compact(r.attributes(), DATA_CHARS)))
            .toList();
    moreRelationships = !page.next().isEmpty();
  }

  public String getCio() {
    return cio;
  }

  public void setCio(String cio) {
    this.cio = cio;
  }

  public int getFrom() {
    return from;
  }

  public void setFrom(int from) {
    this.from = from;
  }

  /** The person, {@code null} when none was found. */
  public PersonView getPerson() {
    return person;
  }

  public List<AttributeRow> getAttributes() {
    return attributes;
  }

  /** The person's identifiers that are suppressed ({@code id 42}), usually none. */
  public List<String> getSuppressedIdentifiers() {
    return suppressedIdentifiers;
  }

  public List<DeviceRow> getDevices() {
    return devices;
  }

  public List<RelationshipRow> getRelationships() {
    return relationships;
  }

  /** Whether the person has more relationships than {@link #RELATIONSHIPS_SHOWN}. */
  public boolean isMoreRelationships() {
    return moreRelationships;
  }

  public List<EventRow> getTimeline() {
    return timeline;
  }

  /** Whether older events follow this timeline page. */
  public boolean isOlder() {
    return older;
  }

  public String getSent() {
    return sent;
  }

  public void setSent(String sent) {
    this.sent = sent;
  }

  /** The messages sent to the person, newest first (older than {@code sent}). */
  public List<DeliveryView> getDeliveries() {
    return deliveries;
  }

  /** Whether older deliveries follow. */
  public boolean isOlderDeliveries() {
    return olderDeliveries;
  }

  /** The {@code sent} of the older deliveries page: the last delivery shown. */
  public String getOlderSent() {
    return deliveries.isEmpty() ? null : deliveries.get(deliveries.size() - 1).deliveryId();
  }

  /** Whether newer events precede this timeline page. */
  public boolean isNewer() {
    return from > 0;
  }

  /** The {@code from} of the older page. */
  public int getOlderFrom() {
    return from + EVENTS_PER_PAGE;
  }

  /** The {@code from} of the newer page. */
  public int getNewerFrom() {
    return Math.max(0, from - EVENTS_PER_PAGE);
  }
}
