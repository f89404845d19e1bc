package io.herald.inapp.api;

import io.herald.workspace.api.WorkspaceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The origins browsers may call a workspace's in-app SDK endpoints from (CORS): the workspace's own
 * list, else the node default {@code herald.inapp.allowed-origins} ({@code *}).
 */
public interface SdkOrigins {

  /** Most origins a workspace may list. */
  int MAX_ORIGINS = 50;

  /**
   * The workspace's allowed origins.
   *
   * @return {@code ["*"]} (any), or origins such as {@code https://app.example.com}
   */
  List<String> allowed(WorkspaceId workspace);

  /** Whether the workspace uses the node default (has no list of its own). */
  boolean isDefault(WorkspaceId workspace);

  /**
   * Sets the workspace's list, or clears it with an empty list (the node default applies again).
   *
   * @throws IllegalArgumentException naming every bad entry
   */
  void set(WorkspaceId workspace, List<String> origins);

  /**
   * Normalises and checks a list: each entry {@code *} or an origin {@code http(s)://host[:port]}
   * (no path, query or user), lower-cased, duplicates dropped.
   *
   * @throws IllegalArgumentException naming every bad entry
   */
  static List<String> check(List<String> origins) {
    List<String> problems = new ArrayList<>();
    List<String> out = new ArrayList<>();
    if (origins.size() > MAX_ORIGINS) {
      problems.add("allowed_origins may have at most " + MAX_ORIGINS + " entries");
    }
    for (int i = 0; i < origins.size() && problems.isEmpty(); i++) {
      String o = origins.get(i) == null ? "" : origins.get(i).strip();
      String normal = o.equals("*") ? o : origin(o);
      if (normal == null) {
        problems.add(
            "allowed_origins[" + i + "] must be * or an origin such as https://app.example.com");
      } else if (!out.contains(normal)) {
        out.add(normal);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return out;
  }

  private static String origin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
        return null;
      }
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
