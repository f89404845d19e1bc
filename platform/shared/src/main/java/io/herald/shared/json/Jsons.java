package io.herald.shared.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The factory methods of {@link jakarta.json.Json}, served by one provider looked up once.
 *
 * <p>Why not {@code jakarta.json.Json}: each of its calls runs {@link JsonProvider#provider()},
 * which (JSON-P 2.1) walks a {@link java.util.ServiceLoader} over every jar of the web
 * application's class loader and then creates a new provider with its own buffer pool. Profiling
 * the Track API showed a quarter of the server's CPU in that lookup. The provider (Parsson) is
 * stateless and thread-safe, so one instance serves every caller. Use this class wherever {@code
 * Json} would be used; an architecture test keeps production code off {@code jakarta.json.Json}.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  /** The shared provider, for factories this class does not wrap. */
  public static JsonProvider provider() {
    return PROVIDER;
  }

  /** See {@link jakarta.json.Json#createParser(InputStream)}. */
  public static JsonParser createParser(InputStream in) {
    return PROVIDER.createParser(in);
  }

  /** See {@link jakarta.json.Json#createParser(Reader)}. */
  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  /** See {@link jakarta.json.Json#createReader(InputStream)}. */
  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  /** See {@link jakarta.json.Json#createReader(Reader)}. */
  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  /** See {@link jakarta.json.Json#createObjectBuilder()}. */
  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  /** See {@link jakarta.json.Json#createObjectBuilder(JsonObject)}. */
  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  /** See {@link jakarta.json.Json#createObjectBuilder(Map)}. */
  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  /** See {@link jakarta.json.Json#createArrayBuilder()}. */
  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  /** See {@link jakarta.json.Json#createArrayBuilder(JsonArray)}. */
  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  /** See {@link jakarta.json.Json#createArrayBuilder(Collection)}. */
  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  /** See {@link jakarta.json.Json#createValue(String)}. */
  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(int)}. */
  public static JsonNumber createValue(int value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(long)}. */
  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(double)}. */
  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(BigDecimal)}. */
  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(BigInteger)}. */
  public static JsonNumber createValue(BigInteger value) {
    return PROVIDER.createValue(value);
  }

  /** See {@link jakarta.json.Json#createValue(Number)}. */
  public static JsonNumber createValue(Number value) {
    return PROVIDER.createValue(value);
  }
}
