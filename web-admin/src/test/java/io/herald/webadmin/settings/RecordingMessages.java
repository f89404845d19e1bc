package io.herald.webadmin.settings;

import io.herald.webadmin.ConsoleMessages;
import java.util.ArrayList;
import java.util.List;

/** Keeps the messages a page reports instead of handing them to Faces. */
final class RecordingMessages extends ConsoleMessages {

  final List<String> infos = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  @Override
  public void info(String text) {
    infos.add(text);
  }

  @Override
  public void error(String text) {
    errors.add(text);
  }
}
