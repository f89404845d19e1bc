package io.herald.inapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.workspace.api.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final WorkspaceId WS = new WorkspaceId(7);
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant EXPIRES = NOW.plusSeconds(3600);

  private final TokenSigner signer = new TokenSigner(KEY);

  @Test
  void aTokenHoldsForItsWorkspaceAndPersonUntilItExpires() {
    String token = signer.sign(WS, "a1b2c3", EXPIRES);

    TokenSigner.Checked ok = signer.check(WS, token, NOW);
    assertThat(ok.status()).isEqualTo(TokenSigner.Status.VALID);
    assertThat(ok.cioId()).isEqualTo("a1b2c3");
    assertThat(ok.expiresAt()).isEqualTo(EXPIRES);
    assertThat(signer.check(WS, token, EXPIRES.minusSeconds(1)).status())
        .isEqualTo(TokenSigner.Status.VALID);
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    String token = signer.sign(WS, "a1b2c3", EXPIRES);

    assertThat(signer.check(WS, token, EXPIRES).status()).isEqualTo(TokenSigner.Status.EXPIRED);
    assertThat(signer.check(WS, token, EXPIRES.plusSeconds(60)).cioId()).isEmpty();
  }

  @Test
  void anotherWorkspaceOrKeyDoesNotAcceptIt() {
    String token = signer.sign(WS, "a1b2c3", EXPIRES);

    assertThat(signer.check(new WorkspaceId(8), token, NOW).status())
        .isEqualTo(TokenSigner.Status.FORGED);
    TokenSigner other =
        new TokenSigner("another key, another key, 32 byt".getBytes(StandardCharsets.UTF_8));
    assertThat(other.check(WS, token, NOW).status()).isEqualTo(TokenSigner.Status.FORGED);
  }

  @Test
  void changingThePersonOrTheExpiryBreaksTheSignature() {
    String token = signer.sign(WS, "a1b2c3", EXPIRES);
    String[] parts = token.split("\\.");
    String otherPerson =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("zzz999".getBytes(StandardCharsets.UTF_8));

    String forgedPerson = parts[0] + "." + otherPerson + "." + parts[2] + "." + parts[3];
    String later =
        parts[0] + "." + parts[1] + "." + (EXPIRES.getEpochSecond() + 86400) + "." + parts[3];

    assertThat(signer.check(WS, forgedPerson, NOW).status()).isEqualTo(TokenSigner.Status.FORGED);
    assertThat(signer.check(WS, later, NOW).status()).isEqualTo(TokenSigner.Status.FORGED);
  }

  @Test
  void malformedTokensAreRefused() {
    assertThat(signer.check(WS, null, NOW).status()).isEqualTo(TokenSigner.Status.MALFORMED);
    assertThat(signer.check(WS, "", NOW).status()).isEqualTo(TokenSigner.Status.MALFORMED);
    assertThat(signer.check(WS, "v1.abc", NOW).status()).isEqualTo(TokenSigner.Status.MALFORMED);
    assertThat(signer.check(WS, "v2.YQ.1.xxx", NOW).status())
        .isEqualTo(TokenSigner.Status.MALFORMED);
    String token = signer.sign(WS, "a1b2c3", EXPIRES);
    assertThat(signer.check(WS, token + "x", NOW).status()).isEqualTo(TokenSigner.Status.MALFORMED);
    assertThat(signer.check(WS, token.replace("v1.", "v1.!"), NOW).status())
        .isEqualTo(TokenSigner.Status.MALFORMED);
  }

  @Test
  void theTokenCarriesNoSecretAndDiffersPerPerson() {
    String a = signer.sign(WS, "a1b2c3", EXPIRES);
    String b = signer.sign(WS, "d4e5f6", EXPIRES);

    assertThat(a).startsWith("v1.").doesNotContain(new String(KEY, StandardCharsets.UTF_8));
    assertThat(a.substring(a.lastIndexOf('.'))).isNotEqualTo(b.substring(b.lastIndexOf('.')));
  }
}
