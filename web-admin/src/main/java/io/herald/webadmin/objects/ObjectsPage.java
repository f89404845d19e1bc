package io.herald.webadmin.objects;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectTypeView;
import io.herald.objects.api.ObjectView;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.webadmin.AttributeRow;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * Objects: the default workspace's object types, and the objects of the selected type ({@code
 * ?type=}, the first type by default) in creation order, {@value #PAGE_SIZE} at a time. {@code
 * &after=} is the previous page's token (keyset paging, so only "next" and "first" exist).
 */
@Named
@RequestScoped
public class ObjectsPage {

  /** Objects per page. */
  public static final int PAGE_SIZE = 25;

  /** Longest attribute preview, in characters. */
  static final int PREVIEW_CHARS = 200;

  /** An object with a short preview of its attributes. */
  public record ObjectRow(ObjectView object, String preview) {}

  @Inject ObjectService objects;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String type;
  private String after;
  private List<ObjectTypeView> types = List.of();
  private ObjectTypeView selected;
  private List<ObjectRow> rows = List.of();
  private String next = "";

  /** Loads the types and a page of the selected type (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see objects.");
      return;
    }
    Optional<WorkspaceId> workspace = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (workspace.isEmpty()) {
      return;
    }
    types = objects.types(workspace.get());
    if (types.isEmpty()) {
      return;
    }
    selected =
        type == null || type.isBlank()
            ? types.get(0)
            : types.stream().filter(t -> t.id().equals(type)).findFirst().orElse(null);
    if (selected == null) {
      messages.error("There is no object type " + type + ".");
      return;
    }
    try {
      Page<ObjectView> page =
          objects.search(
              workspace.get(),
              selected.id(),
              Optional.empty(),
              new PageRequest(after == null ? "" : after, PAGE_SIZE));
      rows =
          page.items().stream()
              .map(o -> new ObjectRow(o, AttributeRow.compact(o.attributes(), PREVIEW_CHARS)))
              .toList();
      next = page.next();
    } catch (InvalidObjectDataException e) {
      messages.error("Objects not listed: " + String.join("; ", e.messages()) + ".");
    }
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public List<ObjectTypeView> getTypes() {
    return types;
  }

  /** The type whose objects are listed, {@code null} when none. */
  public ObjectTypeView getSelected() {
    return selected;
  }

  public List<ObjectRow> getRows() {
    return rows;
  }

  /** The {@code after} token of the next page; empty on the last page. */
  public String getNext() {
    return next;
  }

  /** Whether this is a later page (so a link back to the first one is useful). */
  public boolean isPaged() {
    return after != null && !after.isEmpty();
  }
}
