package io.herald.webadmin.fakes;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SnippetView;
import io.herald.messaging.api.Snippets;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Snippets in a sorted map; names in {@link #inUse} are refused on delete. */
public final class FakeSnippets implements Snippets {

  public final Map<String, SnippetView> snippets = new TreeMap<>();
  public final Set<String> inUse = new TreeSet<>();
  private long clock = 1;

  @Override
  public List<SnippetView> list(WorkspaceId workspace) {
    return List.copyOf(snippets.values());
  }

  @Override
  public Optional<SnippetView> find(WorkspaceId workspace, String name) {
    return Optional.ofNullable(snippets.get(name));
  }

  @Override
  public SnippetView put(WorkspaceId workspace, String name, String value) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.contains(".")) {
      throw new InvalidMessageException(
          List.of(n.isEmpty() ? "name must not be empty" : "name may hold only letters"));
    }
    SnippetView view = new SnippetView(n, value.strip(), Instant.ofEpochSecond(clock++));
    snippets.put(n, view);
    return view;
  }

  @Override
  public void delete(WorkspaceId workspace, String name) {
    if (!snippets.containsKey(name)) {
      throw new NotFoundException("snippet " + name + " not found");
    }
    if (inUse.contains(name)) {
      throw new ContentInUseException(
          "snippet " + name + " is used by transactional message 1 (Welcome)",
          List.of("transactional message 1 (Welcome)"));
    }
    snippets.remove(name);
  }
}
