package io.herald.segments.internal.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the real-time engine (keys {@code herald.segments.*}, see the root README). */
@ApplicationScoped
public class RealtimeSettings {

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.idle-millis", defaultValue = "50")
  long idleMillis;

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "herald.segments.rebuild.batch-size", defaultValue = "5000")
  int rebuildBatchSize;

  /** Whether this node runs the workers. */
  public boolean enabled() {
    return enabled;
  }

  /** Pause of an idle worker before it looks again. */
  public long idleMillis() {
    return idleMillis;
  }

  /** Feed entries (and re-checks) handled per transaction. */
  public int batchSize() {
    return batchSize;
  }

  /** People per rebuild transaction. */
  public int rebuildBatchSize() {
    return rebuildBatchSize;
  }
}
