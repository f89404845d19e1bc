package io.herald.inapp.internal;

import io.herald.inapp.api.InAppButton;
import io.herald.inapp.api.InAppContent;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** In-app content as JSON: the stored form and what the SDK receives. */
public final class ContentJson {

  private ContentJson() {}

  /** {@code {"title","message","type","buttons":[{"label","action","url"}],"image_url"}}. */
  public static JsonObject write(InAppContent content) {
    JsonArrayBuilder buttons = Jsons.createArrayBuilder();
    for (InAppButton b : content.buttons()) {
      buttons.add(
          Jsons.createObjectBuilder()
              .add("label", b.label())
              .add("action", b.action())
              .add("url", b.url()));
    }
    return Jsons.createObjectBuilder()
        .add("title", content.title())
        .add("message", content.message())
        .add("type", content.type())
        .add("buttons", buttons)
        .add("image_url", content.imageUrl())
        .build();
  }

  /** Reads what {@link #write} stored. */
  public static InAppContent read(String json) {
    JsonObject o;
    try (var reader = Jsons.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    List<InAppButton> buttons = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("buttons")) {
      JsonObject b = v.asJsonObject();
      buttons.add(
          new InAppButton(b.getString("label"), b.getString("action"), b.getString("url", "")));
    }
    return new InAppContent(
        o.getString("title"),
        o.getString("message"),
        o.getString("type"),
        buttons,
        o.getString("image_url", ""));
  }
}
