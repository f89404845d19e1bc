package io.herald.plugin.api;

import java.util.Objects;

/**
 * What a channel provider factory offers, shown to operators in the console.
 *
 * @param id stable identifier, unique across plugins (for example {@code email-smtp})
 * @param kind the channel this provider sends on
 * @param displayName short human-readable name
 * @param description one sentence saying what the provider talks to
 */
public record ChannelDescriptor(
    String id, ChannelKind kind, String displayName, String description) {

  /** Validates that every field is present and the id is a lower-case slug. */
  public ChannelDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(displayName, "displayName");
    description = description == null ? "" : description;
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException(
          "descriptor id must be a lower-case slug of at most 64 characters: " + id);
    }
  }
}
