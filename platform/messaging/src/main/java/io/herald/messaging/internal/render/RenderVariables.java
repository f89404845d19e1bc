package io.herald.messaging.internal.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The variables a message is rendered with, named as in Customer.io's Liquid:
 *
 * <ul>
 *   <li>{@code customer}: the person's attributes plus {@code id}, {@code email} and {@code
 *       cio_id};
 *   <li>{@code event}: the triggering event's data ({@code {{event.product}}}, not {@code
 *       event.data.product}); its name is the top-level {@code event_name};
 *   <li>{@code trigger}: transactional {@code message_data} and API-triggered broadcast data, which
 *       Customer.io exposes only as {@code {{trigger.x}}};
 *   <li>{@code objects}: related objects by plural type ({@code objects.courses[0].name});
 *   <li>{@code journey}: journey attributes.
 * </ul>
 *
 * A namespace that was not set is absent, so referring to it is an undefined-variable error. The
 * map is a deep, unmodifiable copy.
 */
public final class RenderVariables {

  private final Map<String, Object> values;

  private RenderVariables(Map<String, Object> values) {
    this.values = values;
  }

  /** A builder with no namespaces set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The variables, ready for {@link CompiledTemplate#render(Map)}. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Collects namespaces; not thread-safe, build once per message. */
  public static final class Builder {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The recipient. {@code id}, {@code email} and {@code cioId} override attributes of the same
     * name and are left out when null.
     */
    public Builder customer(String id, String email, String cioId, Map<String, ?> attributes) {
      Map<String, Object> customer =
          new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
      putIfPresent(customer, "id", id);
      putIfPresent(customer, "email", email);
      putIfPresent(customer, "cio_id", cioId);
      values.put("customer", customer);
      return this;
    }

    /** The event that triggered the message: {@code event.*} is its data, {@code event_name}. */
    public Builder event(String name, Map<String, ?> data) {
      values.put("event", data == null ? Map.of() : data);
      putIfPresent(values, "event_name", name);
      return this;
    }

    /** Transactional {@code message_data} or API trigger data, as {@code trigger.*}. */
    public Builder trigger(Map<String, ?> data) {
      values.put("trigger", data == null ? Map.of() : data);
      return this;
    }

    /** Related objects by plural type name, most recent first. */
    public Builder objects(Map<String, ? extends List<? extends Map<String, ?>>> objects) {
      values.put("objects", objects == null ? Map.of() : objects);
      return this;
    }

    /** Journey attributes, as {@code journey.*}. */
    public Builder journey(Map<String, ?> attributes) {
      values.put("journey", attributes == null ? Map.of() : attributes);
      return this;
    }

    /** Any other top-level variable, e.g. {@code campaign} or {@code message} metadata. */
    public Builder with(String name, Object value) {
      values.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** A deep, unmodifiable copy of what was set. */
    public RenderVariables build() {
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = (Map<String, Object>) freeze(values);
      return new RenderVariables(copy);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
      if (value != null) {
        map.put(key, value);
      }
    }

    private static Object freeze(Object value) {
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
        return Collections.unmodifiableMap(copy);
      }
      if (value instanceof Collection<?> collection) {
        List<Object> copy = new ArrayList<>(collection.size());
        collection.forEach(v -> copy.add(freeze(v)));
        return Collections.unmodifiableList(copy);
      }
      if (value instanceof Object[] array) {
        return freeze(java.util.Arrays.asList(array));
      }
      return value;
    }
  }
}
