package io.herald.webadmin.fakes;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Transactional messages in a map; refuses what the real module refuses first (empty fields). */
public final class FakeTransactionals implements Transactionals {

  public final Map<Long, TransactionalView> messages = new TreeMap<>();
  private long next = 1;

  /** Problems the next save answers with, instead of its own checks. */
  public List<String> refuseWith = List.of();

  public TransactionalView add(String name, String subject, String body) {
    return create(
        OneWorkspace.ID,
        new TransactionalInput(name, null, "", subject, "", "", "", body, "", null, true, null));
  }

  @Override
  public TransactionalView create(WorkspaceId workspace, TransactionalInput input) {
    check(input);
    long id = next++;
    TransactionalView view =
        new TransactionalView(id, input, Instant.ofEpochSecond(id), Instant.ofEpochSecond(id));
    messages.put(id, view);
    return view;
  }

  @Override
  public TransactionalView update(WorkspaceId workspace, long id, TransactionalInput input) {
    TransactionalView old = messages.get(id);
    if (old == null) {
      throw new NotFoundException("transactional message " + id + " not found");
    }
    check(input);
    TransactionalView view =
        new TransactionalView(id, input, old.createdAt(), old.updatedAt().plusSeconds(1));
    messages.put(id, view);
    return view;
  }

  private void check(TransactionalInput input) {
    List<String> problems = new ArrayList<>(refuseWith);
    if (input.name() == null || input.name().isBlank()) {
      problems.add("name must be 1 to 255 characters");
    }
    if (input.subject() == null || input.subject().isBlank()) {
      problems.add("subject must not be empty");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
  }

  @Override
  public Optional<TransactionalView> find(WorkspaceId workspace, String idOrTrigger) {
    return messages.values().stream()
        .filter(
            m ->
                Long.toString(m.id()).equals(idOrTrigger)
                    || idOrTrigger.equals(m.content().triggerName()))
        .findFirst();
  }

  @Override
  public List<TransactionalView> list(WorkspaceId workspace) {
    return List.copyOf(messages.values());
  }
}
