package io.herald.webadmin.fakes;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettingView;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Channel settings in a map; keeps secrets ({@code password}, {@code key}) apart and answers only
 * which are set, as the real module does; a secret left out keeps its stored value.
 */
public final class FakeChannelSettings implements ChannelSettings {

  private static final List<String> SECRETS = List.of("password", "key");

  public final Map<String, ChannelSettingInput> saved = new TreeMap<>();
  public final List<ChannelSettingInput> inputs = new ArrayList<>();

  /** Problems the next save answers with. */
  public List<String> refuseWith = List.of();

  @Override
  public ChannelSettingView save(WorkspaceId workspace, ChannelSettingInput input) {
    inputs.add(input);
    if (!refuseWith.isEmpty()) {
      throw new InvalidMessageException(refuseWith);
    }
    Map<String, String> values = new HashMap<>(input.settings());
    ChannelSettingInput old = saved.get(input.name());
    if (old != null) {
      for (String secret : SECRETS) {
        if (!values.containsKey(secret) && old.settings().containsKey(secret)) {
          values.put(secret, old.settings().get(secret));
        }
      }
    }
    saved.put(
        input.name(),
        new ChannelSettingInput(
            input.name(),
            input.channel(),
            input.provider(),
            values,
            input.isDefault(),
            input.rateLimit()));
    return view(saved.get(input.name()));
  }

  @Override
  public List<ChannelSettingView> list(WorkspaceId workspace) {
    return saved.values().stream().map(FakeChannelSettings::view).toList();
  }

  @Override
  public boolean delete(WorkspaceId workspace, String name) {
    return saved.remove(name) != null;
  }

  private static ChannelSettingView view(ChannelSettingInput in) {
    Map<String, String> plain = new TreeMap<>(in.settings());
    SECRETS.forEach(plain::remove);
    return new ChannelSettingView(
        in.name(),
        in.channel(),
        in.provider(),
        plain,
        in.settings().keySet().stream()
            .filter(SECRETS::contains)
            .collect(java.util.stream.Collectors.toSet()),
        in.isDefault(),
        in.rateLimit(),
        Instant.EPOCH,
        "http://localhost:8080/callbacks/fake-" + in.name());
  }
}
