package io.herald.objects.internal;

import java.util.Optional;

/** The object type limit of a workspace: its own setting when set, else the configured default. */
final class TypeLimit {

  private TypeLimit() {}

  /**
   * @param configured {@code herald.objects.max-types-per-workspace}
   * @param override the workspace's {@code objects_workspace_settings.max_types}, when set
   * @return the limit; never negative
   */
  static int effective(int configured, Optional<Integer> override) {
    return Math.max(0, override.orElse(configured));
  }
}
