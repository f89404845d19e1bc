package io.herald.webadmin.journeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.Trigger;
import io.herald.journeys.api.TriggerDetails;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Journey documents as the console shows and reads them: pretty JSON text and summaries. */
final class JourneyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JourneyDocuments() {}

  /** The text as a JSON object; {@link IllegalArgumentException} saying why it is not one. */
  static JsonObject parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("paste a journey document (a JSON object)");
    }
    try {
      JsonValue value = Jsons.createReader(new StringReader(text)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("the journey document must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new IllegalArgumentException("the journey document is not JSON: " + e.getMessage());
    }
  }

  /** The journey's current document, indented. */
  static String pretty(JourneyView journey) {
    String compact = journey.definition().document().toString();
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(compact));
    } catch (JsonProcessingException e) {
      return compact;
    }
  }

  /** What starts the journey, in a few words. */
  static String trigger(JourneyView journey) {
    Trigger t = journey.definition().trigger();
    return switch (t.type()) {
      case EVENT ->
          "event “"
              + t.event()
              + "”"
              + (t.where().isEmpty() ? "" : " (" + t.where().size() + " filters)");
      case SEGMENT -> (t.onEnter() ? "enters" : "exits") + " segment " + t.segmentId();
      case API -> "API";
      case DATE -> date(TriggerDetails.date(journey.definition()));
      case OBJECT, RELATIONSHIP -> {
        TriggerDetails.ObjectTrigger o = TriggerDetails.object(journey.definition());
        yield "object type "
            + o.objectTypeId()
            + " "
            + String.join(" or ", o.on())
            + (o.where().isEmpty() ? "" : " (" + o.where().size() + " filters)");
      }
      case WEBHOOK -> "webhook (" + TriggerDetails.webhook(journey.definition()).identifier() + ")";
    };
  }

  private static String date(TriggerDetails.DateTrigger d) {
    String offset =
        d.offsetDays() != 0
            ? " " + Math.abs(d.offsetDays()) + (d.offsetDays() < 0 ? " days before" : " days after")
            : d.offsetHours() != 0
                ? " "
                    + Math.abs(d.offsetHours())
                    + (d.offsetHours() < 0 ? " hours before" : " hours after")
                : "";
    return "date “"
        + d.attribute()
        + "”"
        + offset
        + (d.at() == null ? "" : " at " + d.at())
        + (d.yearly() ? ", yearly" : "");
  }
}
