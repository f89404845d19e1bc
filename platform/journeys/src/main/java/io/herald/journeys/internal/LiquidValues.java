package io.herald.journeys.internal;

import io.herald.shared.json.JsonJava;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import liqp.TemplateParser;
import liqp.parser.Flavor;

/**
 * Renders the Liquid in a step's values (object attributes, object ids, journey data): {@code
 * {{trigger.*}}} is the run's trigger data. Only strings are templates; other JSON values are kept.
 */
final class LiquidValues {

  private static final TemplateParser PARSER =
      new TemplateParser.Builder()
          .withFlavor(Flavor.LIQUID)
          .withErrorMode(TemplateParser.ErrorMode.STRICT)
          .withStrictVariables(false)
          .withLocale(Locale.ENGLISH)
          .withDefaultTimeZone(ZoneOffset.UTC)
          .withMaxIterations(1000)
          .withMaxSizeRenderedString(10_000)
          .withNameResolver(
              name -> {
                throw new java.io.IOException("include is not supported");
              })
          .build();

  private LiquidValues() {}

  /**
   * {@code text} rendered with the trigger data.
   *
   * @throws Effects.StepFailure when the template does not compile or render
   */
  static String render(String text, JsonObject triggerData) {
    if (!text.contains("{{") && !text.contains("{%")) {
      return text;
    }
    try {
      Map<String, Object> vars = Map.of("trigger", JsonJava.toMap(triggerData));
      return PARSER.parse(text).render(vars);
    } catch (RuntimeException e) {
      throw new Effects.StepFailure("Liquid in '" + text + "': " + e.getMessage());
    }
  }

  /** Every string value of {@code values} rendered. */
  static JsonObject render(JsonObject values, JsonObject triggerData) {
    JsonObjectBuilder b = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : values.entrySet()) {
      if (e.getValue() instanceof JsonString s) {
        b.add(e.getKey(), render(s.getString(), triggerData));
      } else {
        b.add(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }
}
