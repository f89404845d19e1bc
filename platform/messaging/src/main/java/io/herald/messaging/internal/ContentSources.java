package io.herald.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Liquid sources say about stored content: the snippets they name ({@code {{snippets.name}}}
 * or {@code {{snippets["a name"]}}}), the rules of snippet names, and a layout's {@code {{ content
 * }}} placeholder.
 */
final class ContentSources {

  /** Letters, digits, spaces, underscores and hyphens; no dots (a dot is Liquid's lookup). */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_\\- ]+");

  private static final Pattern DOTTED = Pattern.compile("\\bsnippets\\s*\\.\\s*([\\p{L}\\p{N}_]+)");
  private static final Pattern BRACKETED =
      Pattern.compile("\\bsnippets\\s*\\[\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*\\]");

  /** An output of just {@code content}, with optional whitespace-control dashes. */
  private static final Pattern CONTENT = Pattern.compile("\\{\\{-?\\s*content\\s*-?\\}\\}");

  private ContentSources() {}

  /** The snippet names the sources use literally, in order of first use. */
  static Set<String> snippetNames(String... sources) {
    Set<String> names = new LinkedHashSet<>();
    for (String source : sources) {
      if (source == null || !source.contains("snippets")) {
        continue;
      }
      Matcher dotted = DOTTED.matcher(source);
      while (dotted.find()) {
        names.add(dotted.group(1));
      }
      Matcher bracketed = BRACKETED.matcher(source);
      while (bracketed.find()) {
        names.add(bracketed.group(1) != null ? bracketed.group(1) : bracketed.group(2));
      }
    }
    return names;
  }

  /** Whether one of the sources names snippet {@code name}. */
  static boolean usesSnippet(String name, String... sources) {
    return snippetNames(sources).contains(name);
  }

  /**
   * The problems of a snippet name (already trimmed): empty, longer than {@code max}, or with a
   * character other than letters, digits, spaces, {@code _} and {@code -}.
   */
  static List<String> nameProblems(String name, int max) {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isEmpty()) {
      problems.add("name must not be empty");
    } else if (name.length() > max) {
      problems.add("name must be at most " + max + " characters");
    } else if (!NAME.matcher(name).matches()) {
      problems.add(
          "name may hold only letters, digits, spaces, underscores and hyphens (use it as"
              + " {{snippets.name}}, or {{snippets[\"a-name\"]}} with spaces or hyphens)");
    }
    return problems;
  }

  /** How many {@code {{ content }}} placeholders a layout has. */
  static int contentPlaceholders(String html) {
    if (html == null) {
      return 0;
    }
    Matcher m = CONTENT.matcher(html);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }
}
