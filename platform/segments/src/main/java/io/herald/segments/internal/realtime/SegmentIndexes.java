package io.herald.segments.internal.realtime;

import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's cache of {@link SegmentIndex}es, one per workspace. {@link #refresh()} reads the
 * current {@link DataSegmentRepository#version()}; an index cached under another version is
 * reloaded. The workers refresh after reading each feed batch, so a change committed after a
 * segment's conditions is always evaluated against them.
 */
@ApplicationScoped
public class SegmentIndexes {

  @Inject DataSegmentRepository repository;

  /** An index and the data-segment version read before it was loaded. */
  private record Cached(String version, SegmentIndex index) {}

  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
  private volatile String version = "";

  /** For CDI. */
  public SegmentIndexes() {}

  /** For tests outside a container. */
  public SegmentIndexes(DataSegmentRepository repository) {
    this.repository = repository;
  }

  /** Drops the cached indexes when a data segment changed since the last call. */
  public void refresh() {
    version = repository.version();
  }

  /**
   * The index of a workspace's data segments as they are now: {@link #refresh()}, then {@link #of}.
   * For callers outside the workers, which refresh only when a feed has work.
   */
  public SegmentIndex current(long workspaceId) {
    refresh();
    return of(workspaceId);
  }

  /** The index of a workspace's data segments (cached). */
  public SegmentIndex of(long workspaceId) {
    String wanted = version;
    Cached cached = cache.get(workspaceId);
    if (cached != null && cached.version().equals(wanted)) {
      return cached.index();
    }
    // Loaded after the version was read: at least as new as that version.
    SegmentIndex index = SegmentIndex.of(repository.active(new WorkspaceId(workspaceId)));
    cache.put(workspaceId, new Cached(wanted, index));
    return index;
  }
}
