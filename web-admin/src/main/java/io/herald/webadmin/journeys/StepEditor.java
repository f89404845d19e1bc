package io.herald.webadmin.journeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The structured step editor's working copy of a journey document: its steps as editable rows (id,
 * type, settings as JSON text, next step or labelled edges as text), everything else of the
 * document kept as it was. {@link #document()} writes the rows back in their order; the journeys
 * module validates the result (and names the JSON path of any problem).
 *
 * <p>Edges are written {@code d1} for a step with one exit and {@code true=great, false=nudge} for
 * labelled exits, as the document's {@code next} is a string or an object.
 */
public final class StepEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One step as the form edits it. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private String type;
    private String settings;
    private String next;

    Row(String id, String type, String settings, String next) {
      this.id = id;
      this.type = type;
      this.settings = settings;
      this.next = next;
    }

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getSettings() {
      return settings;
    }

    public void setSettings(String settings) {
      this.settings = settings;
    }

    public String getNext() {
      return next;
    }

    public void setNext(String next) {
      this.next = next;
    }
  }

  private final String rest;
  private final List<Row> rows;

  private StepEditor(String rest, List<Row> rows) {
    this.rest = rest;
    this.rows = rows;
  }

  /** The editor of a document (JSON text of a journey). */
  public static StepEditor of(String document) {
    try {
      JsonNode root = JSON.readTree(document);
      if (!(root instanceof ObjectNode object)) {
        throw new IllegalArgumentException("the journey document is not a JSON object");
      }
      List<Row> rows = new ArrayList<>();
      for (JsonNode node : object.path("nodes")) {
        JsonNode settings = node.path("settings");
        rows.add(
            new Row(
                node.path("id").asText(""),
                node.path("type").asText(""),
                settings.isMissingNode() ? "{}" : JSON.writeValueAsString(settings),
                edges(node.path("next"))));
      }
      ObjectNode copy = object.deepCopy();
      // Keeps the key's place, so the written document has its keys in the original order.
      copy.putNull("nodes");
      return new StepEditor(JSON.writeValueAsString(copy), rows);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the journey document is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String edges(JsonNode next) {
    if (next.isTextual()) {
      return next.asText();
    }
    if (!next.isObject()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    next.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(", ", pairs);
  }

  /** The steps, in document order (the first one is where runs start). */
  public List<Row> getRows() {
    return rows;
  }

  /** Appends an empty step of the type (its id the first free {@code stepN}). */
  public void add(String type) {
    int n = rows.size() + 1;
    while (hasId("step" + n)) {
      n++;
    }
    rows.add(new Row("step" + n, type == null || type.isBlank() ? "delay" : type, "{}", ""));
  }

  /** Removes the step at the index. */
  public void remove(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
    }
  }

  /** Moves the step at the index one place up (towards the start). */
  public void moveUp(int index) {
    if (index > 0 && index < rows.size()) {
      rows.add(index - 1, rows.remove(index));
    }
  }

  private boolean hasId(String id) {
    return rows.stream().anyMatch(r -> id.equals(r.getId()));
  }

  /**
   * The document with the rows as its {@code nodes}. Problems the form can see (settings that are
   * not a JSON object, an edge without {@code =}) are thrown with the step's position; the rest is
   * the journeys module's to judge.
   */
  public String document() {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(rest);
      ArrayNode nodes = JSON.createArrayNode();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        ObjectNode node = nodes.addObject();
        node.put("id", trim(row.getId()));
        node.put("type", trim(row.getType()));
        JsonNode settings = settings(row.getSettings(), i, problems);
        if (settings != null && settings.size() > 0) {
          node.set("settings", settings);
        }
        next(row.getNext(), i, problems, node);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      root.set("nodes", nodes);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage());
    }
  }

  private static JsonNode settings(String text, int index, List<String> problems) {
    String value = trim(text);
    if (value.isEmpty()) {
      return null;
    }
    try {
      JsonNode settings = JSON.readTree(value);
      if (!settings.isObject()) {
        problems.add("step " + (index + 1) + ": settings must be a JSON object");
        return null;
      }
      return settings;
    } catch (JsonProcessingException e) {
      problems.add(
          "step " + (index + 1) + ": settings are not JSON (" + e.getOriginalMessage() + ")");
      return null;
    }
  }

  private static void next(String text, int index, List<String> problems, ObjectNode node) {
    String value = trim(text);
    if (value.isEmpty()) {
      return;
    }
    if (!value.contains("=")) {
      node.put("next", value);
      return;
    }
    ObjectNode edges = node.putObject("next");
    for (String pair : value.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        problems.add("step " + (index + 1) + ": next \"" + pair.trim() + "\" is not label=step");
      } else {
        edges.put(kv[0].trim(), kv[1].trim());
      }
    }
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}
