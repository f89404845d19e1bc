package io.herald.events.api;

import java.util.Objects;

/** Whom an event is about: a known person, an anonymous visitor, or a custom object. */
public sealed interface EventSubject {

  /** A person, by Herald's stable cio_id. */
  record Person(String cioId) implements EventSubject {
    /** Requires the id. */
    public Person {
      Objects.requireNonNull(cioId, "cioId");
    }
  }

  /**
   * A visitor known only by an anonymous id (cookie, device install id). An empty id is an
   * invitation event: nobody's, addressed to {@code data.recipient}.
   */
  record Anonymous(String anonymousId) implements EventSubject {
    /** Requires the id. */
    public Anonymous {
      Objects.requireNonNull(anonymousId, "anonymousId");
    }
  }

  /** A custom object (for example an account). */
  record CustomObject(String objectTypeId, String objectId) implements EventSubject {
    /** Requires both parts. */
    public CustomObject {
      Objects.requireNonNull(objectTypeId, "objectTypeId");
      Objects.requireNonNull(objectId, "objectId");
    }
  }
}
