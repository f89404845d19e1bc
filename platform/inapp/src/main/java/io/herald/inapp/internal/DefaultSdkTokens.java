package io.herald.inapp.internal;

import io.herald.inapp.api.SdkTokens;
import io.herald.shared.crypto.SecretCipher;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Issues and checks SDK tokens with a key derived from the node's secret key. */
@ApplicationScoped
public class DefaultSdkTokens implements SdkTokens {

  /** The key-derivation purpose. */
  static final String PURPOSE = "inapp.sdk-token";

  @Inject SecretCipher cipher;

  @Inject InAppSettings settings;

  @Inject Clock clock;

  private TokenSigner signer;

  @PostConstruct
  void init() {
    signer = new TokenSigner(cipher.deriveKey(PURPOSE));
  }

  @Override
  public IssuedToken issue(WorkspaceId workspace, String cioId) {
    Instant expires = clock.instant().plus(settings.tokenTtl()).truncatedTo(ChronoUnit.SECONDS);
    return new IssuedToken(signer.sign(workspace, cioId, expires), expires);
  }

  /** Checks a token the SDK presented for the workspace. */
  public TokenSigner.Checked check(WorkspaceId workspace, String token) {
    return signer.check(workspace, token, clock.instant());
  }
}
