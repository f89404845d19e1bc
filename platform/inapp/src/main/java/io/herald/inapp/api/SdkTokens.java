package io.herald.inapp.api;

import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;

/**
 * The per-person tokens the in-app SDK authenticates with (together with the workspace's site id):
 * an HMAC of the workspace, the person and the expiry under a key derived from the node's secret
 * key, so every node with the same {@code herald.secret-key} accepts them and nothing is stored.
 */
public interface SdkTokens {

  /**
   * A token for the person, valid for {@code herald.inapp.token-ttl-seconds}.
   *
   * @param cioId the person (their cio_id)
   */
  IssuedToken issue(WorkspaceId workspace, String cioId);

  /**
   * A token and when it stops being accepted.
   *
   * @param token the value the SDK sends
   * @param expiresAt its expiry
   */
  record IssuedToken(String token, Instant expiresAt) {}
}
