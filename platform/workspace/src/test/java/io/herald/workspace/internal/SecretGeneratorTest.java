package io.herald.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.workspace.api.CredentialKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

  @Test
  void generatedSecretsAreLongAndUnique() {
    for (CredentialKind kind : CredentialKind.values()) {
      String secret = SecretGenerator.newSecret(kind);
      assertThat(secret.length()).isGreaterThanOrEqualTo(32);
      assertThat(secret).isNotEqualTo(SecretGenerator.newSecret(kind)).doesNotContain(":");
    }
    assertThat(SecretGenerator.newSiteId()).hasSize(20).matches("[0-9a-f]+");
  }

  @Test
  void suppliedValuesAreUsedWhenValid() {
    assertThat(
            SecretGenerator.secretOrNew(
                CredentialKind.APP, Optional.of("operator-chosen-key-1"), "X"))
        .isEqualTo("operator-chosen-key-1");
    assertThat(SecretGenerator.siteIdOrNew(Optional.of("site0001"))).isEqualTo("site0001");
  }

  @Test
  void suppliedValuesThatWouldBreakBasicAuthOrAreShortAreRefusedByName() {
    assertThatThrownBy(
            () ->
                SecretGenerator.secretOrNew(
                    CredentialKind.TRACK, Optional.of("short"), "HERALD_BOOTSTRAP_TRACK_API_KEY"))
        .hasMessageContaining("HERALD_BOOTSTRAP_TRACK_API_KEY must be 16 to 128 characters");
    assertThatThrownBy(() -> SecretGenerator.siteIdOrNew(Optional.of("has:colon")))
        .hasMessageContaining("HERALD_BOOTSTRAP_SITE_ID");
    assertThatThrownBy(
            () ->
                SecretGenerator.secretOrNew(
                    CredentialKind.APP, Optional.of("with space in it!!"), "K"))
        .hasMessageContaining("printable ASCII");
  }
}
