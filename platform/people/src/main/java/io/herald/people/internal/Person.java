package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person: identifier columns (unique per workspace) and a JSON document of attributes with the
 * time each was last set. Identifiers are mirrored into the attributes, as Customer.io shows them.
 */
@Entity
@Table(name = "people_person")
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "cio_id", nullable = false, length = 32)
  private String cioId;

  @Column(name = "customer_id", length = 150)
  private String customerId;

  @Column(length = 1000)
  private String email;

  @Column(name = "email_key", length = 255)
  private String emailKey;

  /** The {@code phone} attribute, kept in a column so it can identify the person. */
  @Column(name = "phone", length = 32)
  private String phone;

  /** The {@code phone} attribute in E.164 form ({@link PhoneNumbers}), for inbound senders. */
  @Column(name = "phone_e164", length = 16)
  private String phoneE164;

  @Lob
  @Column(nullable = false)
  private String attributes;

  @Lob
  @Column(name = "attribute_timestamps", nullable = false)
  private String attributeTimestamps;

  @Column(nullable = false)
  private boolean unsubscribed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Person() {}

  /**
   * A person's stored columns but its row id and version: what the identify group reads and writes
   * with plain JDBC ({@link PersonTable}), and compares to tell whether a person changed.
   */
  record Columns(
      long workspaceId,
      String cioId,
      String customerId,
      String email,
      String emailKey,
      String phone,
      String phoneE164,
      String attributes,
      String attributeTimestamps,
      boolean unsubscribed,
      Instant createdAt,
      Instant updatedAt) {}

  /** A person as read from its row (not managed by an EntityManager). */
  static Person stored(long id, Columns c) {
    Person p = new Person();
    p.id = id;
    p.workspaceId = c.workspaceId();
    p.cioId = c.cioId();
    p.customerId = c.customerId();
    p.email = c.email();
    p.emailKey = c.emailKey();
    p.phone = c.phone();
    p.phoneE164 = c.phoneE164();
    p.attributes = c.attributes();
    p.attributeTimestamps = c.attributeTimestamps();
    p.unsubscribed = c.unsubscribed();
    p.createdAt = c.createdAt();
    p.updatedAt = c.updatedAt();
    return p;
  }

  Columns columns() {
    return new Columns(
        workspaceId,
        cioId,
        customerId,
        email,
        emailKey,
        phone,
        phoneE164,
        attributes,
        attributeTimestamps,
        unsubscribed,
        createdAt,
        updatedAt);
  }

  Person(long workspaceId, String cioId, Instant now) {
    this.workspaceId = workspaceId;
    this.cioId = cioId;
    this.attributes = "{}";
    this.attributeTimestamps = "{}";
    this.createdAt = now;
    this.updatedAt = now;
    Map<String, JsonValue> values = new LinkedHashMap<>();
    values.put("cio_id", Jsons.createValue(cioId));
    write(values, Map.of("cio_id", now.getEpochSecond()));
  }

  /**
   * A new person known only by the identifier {@code ref} names (an id or an email), as calls other
   * than identify create people (adding a device to someone unknown).
   */
  static Person forPath(long workspaceId, String cioId, PersonRef ref, Instant now) {
    if (ref.type() == IdType.CIO_ID) {
      throw new IllegalArgumentException("a cio_id cannot create a person");
    }
    Person person = new Person(workspaceId, cioId, now);
    Optional<Optional<String>> value = Optional.of(Optional.of(ref.value()));
    person.apply(
        new AttributeChanges(
            ref.type() == IdType.ID ? value : Optional.empty(),
            ref.type() == IdType.EMAIL ? value : Optional.empty(),
            false,
            Optional.empty(),
            ref.type() == IdType.PHONE
                ? Map.<String, JsonValue>of(PHONE, Jsons.createValue(ref.value()))
                : Map.of(),
            Optional.empty(),
            OptionalLong.empty()),
        now);
    return person;
  }

  /** Lower-cased email used for lookups. */
  static String emailKey(String email) {
    return email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  /**
   * The row id; set once the person is flushed. It grows with creation: search pages order and
   * resume by it.
   */
  Long id() {
    return id;
  }

  long workspaceId() {
    return workspaceId;
  }

  /** Sets the row id of a person inserted with plain JDBC, once read back. */
  void identified(long rowId) {
    this.id = rowId;
  }

  String cioId() {
    return cioId;
  }

  String customerId() {
    return customerId;
  }

  String email() {
    return email;
  }

  /** The attributes document before and after {@link #apply}: what the change log diffs. */
  record Applied(JsonObject before, JsonObject after) {}

  /**
   * Applies validated changes; identifier changes were checked for conflicts by the caller. Returns
   * the attributes before and after, parsed once here (an identify would otherwise parse the stored
   * document again for its change-log diff).
   */
  Applied apply(AttributeChanges changes, Instant now) {
    String attributesBefore = attributes;
    String timestampsBefore = attributeTimestamps;
    boolean unsubscribedBefore = unsubscribed;
    String customerIdBefore = customerId;
    String emailBefore = email;
    JsonObject before = PersonDocuments.object(attributes);
    Map<String, JsonValue> values = new LinkedHashMap<>(before);
    Map<String, Long> times = readTimes();
    long stamp = changes.timestamp().orElse(now.getEpochSecond());
    changes
        .id()
        .filter(newId -> !stale(times, "id", stamp))
        .ifPresent(
            newId -> {
              customerId = newId.orElse(null);
              set(
                  values,
                  times,
                  "id",
                  newId.map(v -> (JsonValue) Jsons.createValue(v)).orElse(JsonValue.NULL),
                  stamp);
            });
    changes
        .email()
        .filter(newEmail -> !stale(times, "email", stamp))
        .ifPresent(
            newEmail -> {
              email = newEmail.orElse(null);
              emailKey = emailKey(email);
              set(
                  values,
                  times,
                  "email",
                  newEmail.map(v -> (JsonValue) Jsons.createValue(v)).orElse(JsonValue.NULL),
                  stamp);
            });
    changes.unsubscribed().ifPresent(u -> unsubscribed = u);
    changes
        .writes()
        .forEach(
            (name, value) -> {
              if (stale(times, name, stamp)) {
                return; // set later than this change happened (_timestamp): keep it
              }
              set(
                  values,
                  times,
                  name,
                  name.equals(SUBSCRIPTION_PREFERENCES)
                      ? SubscriptionPreferences.merged(values.get(name), value)
                      : value,
                  stamp);
            });
    phone = phoneOf(values);
    phoneE164 = PhoneNumbers.e164(phone);
    JsonObject after = write(values, times);
    // An identify that repeats what is stored (SDKs send the same traits on every app start) is
    // not a change: updated_at stays, and the row is not written at all.
    if (!attributes.equals(attributesBefore)
        || !attributeTimestamps.equals(timestampsBefore)
        || unsubscribed != unsubscribedBefore
        || !Objects.equals(customerId, customerIdBefore)
        || !Objects.equals(email, emailBefore)) {
      updatedAt = now;
    }
    return new Applied(before, after);
  }

  private static String phoneOf(Map<String, JsonValue> values) {
    return values.get(PHONE) instanceof jakarta.json.JsonString p ? p.getString() : null;
  }

  /**
   * Takes the attributes and identifiers this person lacks from {@code other}, keeping the time
   * they were set there. The caller deletes {@code other} first (its identifiers become free).
   */
  void absorb(Person other, Instant now) {
    Map<String, JsonValue> values = new LinkedHashMap<>(PersonDocuments.object(attributes));
    Map<String, Long> times = readTimes();
    Map<String, Long> otherTimes = other.readTimes();
    long stamp = now.getEpochSecond();
    if (customerId == null && other.customerId != null) {
      customerId = other.customerId;
      times.put("id", otherTimes.getOrDefault("id", stamp));
    }
    if (email == null && other.email != null) {
      email = other.email;
      emailKey = other.emailKey;
      times.put("email", otherTimes.getOrDefault("email", stamp));
    }
    PersonDocuments.object(other.attributes)
        .forEach(
            (name, value) -> {
              if (!name.equals("cio_id") && !values.containsKey(name)) {
                values.put(name, value);
                times.put(name, otherTimes.getOrDefault(name, stamp));
              }
            });
    if (customerId != null) {
      values.put("id", Jsons.createValue(customerId));
    }
    if (email != null) {
      values.put("email", Jsons.createValue(email));
    }
    phone = phoneOf(values);
    phoneE164 = PhoneNumbers.e164(phone);
    write(values, times);
    updatedAt = now;
  }

  static final String SUBSCRIPTION_PREFERENCES = "cio_subscription_preferences";

  /** The attribute that is also the phone identifier. */
  static final String PHONE = "phone";

  String phone() {
    return phone;
  }

  private static boolean stale(Map<String, Long> times, String name, long stamp) {
    Long last = times.get(name);
    return last != null && last > stamp;
  }

  private static void set(
      Map<String, JsonValue> values,
      Map<String, Long> times,
      String name,
      JsonValue value,
      long stamp) {
    if (value == JsonValue.NULL) {
      values.remove(name);
      times.remove(name);
    } else if (!value.equals(values.get(name))) {
      // Rewriting the same value is not an update: its timestamp stays.
      values.put(name, value);
      times.put(name, stamp);
    }
  }

  /** Stores both documents; returns the attributes as stored. */
  private JsonObject write(Map<String, JsonValue> values, Map<String, Long> times) {
    JsonObjectBuilder attrs = Jsons.createObjectBuilder();
    values.forEach(attrs::add);
    JsonObject document = attrs.build();
    this.attributes = document.toString();
    JsonObjectBuilder stamps = Jsons.createObjectBuilder();
    times.forEach(stamps::add);
    this.attributeTimestamps = stamps.build().toString();
    return document;
  }

  private Map<String, Long> readTimes() {
    return PersonDocuments.times(attributeTimestamps);
  }

  /** The attributes document alone (without the timestamps {@link #view} also reads). */
  JsonObject attributes() {
    return PersonDocuments.object(attributes);
  }

  PersonView view() {
    return PersonDocuments.view(
        cioId,
        customerId,
        email,
        attributes,
        attributeTimestamps,
        unsubscribed,
        createdAt,
        updatedAt);
  }
}
