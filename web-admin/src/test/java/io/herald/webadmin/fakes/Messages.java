package io.herald.webadmin.fakes;

import io.herald.webadmin.ConsoleMessages;
import java.util.ArrayList;
import java.util.List;

/** Keeps the messages a page reports instead of handing them to Faces. */
public final class Messages extends ConsoleMessages {

  public final List<String> infos = new ArrayList<>();
  public final List<String> errors = new ArrayList<>();
  public boolean keptForRedirect;

  @Override
  public void info(String text) {
    infos.add(text);
  }

  @Override
  public void error(String text) {
    errors.add(text);
  }

  @Override
  public void keepForRedirect() {
    keptForRedirect = true;
  }
}
