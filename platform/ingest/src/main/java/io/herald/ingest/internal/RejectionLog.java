package io.herald.ingest.internal;

import io.herald.ingest.internal.MessageProcessor.Rejection;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/** Records rejected messages in the data-in log (and the server log, without their content). */
@ApplicationScoped
public class RejectionLog {

  private static final Logger LOG = Logger.getLogger(RejectionLog.class.getName());

  @Inject JdbcDataInLog log;

  @Inject Clock clock;

  /** Records each rejection of one request. */
  public void record(WorkspaceId workspace, String call, List<Rejection> rejected) {
    for (Rejection r : rejected) {
      LOG.fine(() -> "pipelines " + r.callType() + " dropped: " + r.reason());
      log.dropped(workspace, clock.instant(), r.callType(), r.messageId(), r.reason());
    }
  }
}
