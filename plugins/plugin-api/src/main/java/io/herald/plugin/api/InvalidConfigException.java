package io.herald.plugin.api;

import java.util.List;

/** Thrown by {@link ChannelProviderFactory#create} when settings are well-formed but unusable. */
public class InvalidConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems one message per problem, each naming the setting and the reason
   */
  public InvalidConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per problem, each naming the setting and the reason. */
  public List<String> problems() {
    return problems;
  }
}
