package io.herald.webadmin.fakes;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutInput;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.Layouts;
import io.herald.messaging.api.NotFoundException;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Layouts in a map; refuses a missing {@code {{ content }}}; ids in {@link #inUse} stay. */
public final class FakeLayouts implements Layouts {

  public final Map<Long, LayoutView> layouts = new TreeMap<>();
  public final Set<Long> inUse = new TreeSet<>();
  private long next = 1;

  public LayoutView add(String name, String html) {
    return create(OneWorkspace.ID, new LayoutInput(name, html));
  }

  @Override
  public LayoutView create(WorkspaceId workspace, LayoutInput input) {
    check(input);
    long id = next++;
    LayoutView view =
        new LayoutView(id, input, Instant.ofEpochSecond(id), Instant.ofEpochSecond(id));
    layouts.put(id, view);
    return view;
  }

  @Override
  public LayoutView update(WorkspaceId workspace, long id, LayoutInput input) {
    LayoutView old = layouts.get(id);
    if (old == null) {
      throw new NotFoundException("layout " + id + " not found");
    }
    check(input);
    LayoutView view = new LayoutView(id, input, old.createdAt(), old.updatedAt().plusSeconds(1));
    layouts.put(id, view);
    return view;
  }

  private static void check(LayoutInput input) {
    List<String> problems = new ArrayList<>();
    if (input.name() == null || input.name().isBlank()) {
      problems.add("name must be 1 to 255 characters");
    }
    if (input.html() == null || !input.html().contains("{{ content }}")) {
      problems.add("html must have exactly one {{ content }} placeholder (it has 0)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
  }

  @Override
  public Optional<LayoutView> find(WorkspaceId workspace, long id) {
    return Optional.ofNullable(layouts.get(id));
  }

  @Override
  public List<LayoutView> list(WorkspaceId workspace) {
    return List.copyOf(layouts.values());
  }

  @Override
  public void delete(WorkspaceId workspace, long id) {
    if (!layouts.containsKey(id)) {
      throw new NotFoundException("layout " + id + " not found");
    }
    if (inUse.contains(id)) {
      throw new ContentInUseException(
          "layout " + id + " is used by transactional message 1 (Welcome)",
          List.of("transactional message 1 (Welcome)"));
    }
    layouts.remove(id);
  }
}
