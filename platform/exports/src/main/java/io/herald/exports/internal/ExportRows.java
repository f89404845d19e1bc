package io.herald.exports.internal;

import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The two forms of an exported person. While the job runs, a matched person is stored as one JSON
 * line {@code ["<cio_id>","<id>"|null,"<email>"|null,{<attributes>}]} (the attribute columns are
 * known only once everyone has been seen); at the end each line becomes a CSV record {@code
 * cio_id,id,email,<attribute columns…>}.
 */
final class ExportRows {

  /** The identifier columns that lead every record; attributes of these names are not repeated. */
  static final List<String> IDENTIFIERS = List.of("cio_id", "id", "email");

  private static final Set<String> IDENTIFIER_SET = Set.copyOf(IDENTIFIERS);

  private ExportRows() {}

  /** Whether {@code name} is one of the leading identifier columns. */
  static boolean isIdentifier(String name) {
    return IDENTIFIER_SET.contains(name);
  }

  /** The person's JSON line (no line break). */
  static String jsonLine(PersonView person) {
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    person
        .attributes()
        .forEach(
            (name, value) -> {
              if (!isIdentifier(name)) {
                attributes.add(name, value);
              }
            });
    JsonArrayBuilder line = Jsons.createArrayBuilder().add(person.cioId());
    addOrNull(line, person.id());
    addOrNull(line, person.email());
    return line.add(attributes).build().toString();
  }

  /** The attribute names of the person that become columns (identifiers excluded). */
  static Collection<String> attributeNames(PersonView person) {
    List<String> names = new ArrayList<>();
    for (String name : person.attributes().keySet()) {
      if (!isIdentifier(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The header record for {@code attributeColumns}. */
  static String header(List<String> attributeColumns) {
    List<String> fields = new ArrayList<>(IDENTIFIERS);
    fields.addAll(attributeColumns);
    return Csv.row(fields);
  }

  /** The CSV record of one JSON line, with the values of {@code attributeColumns} in order. */
  static String csvRecord(String jsonLine, List<String> attributeColumns) {
    JsonArray line;
    try (JsonReader reader = Jsons.createReader(new StringReader(jsonLine))) {
      line = reader.readArray();
    }
    List<String> fields = new ArrayList<>(3 + attributeColumns.size());
    for (int i = 0; i < 3; i++) {
      fields.add(line.get(i) instanceof JsonString s ? s.getString() : null);
    }
    JsonObject attributes = line.getJsonObject(3);
    for (String column : attributeColumns) {
      fields.add(Csv.text(attributes.get(column)));
    }
    return Csv.row(fields);
  }

  /** Rewrites a chunk of JSON lines as CSV records. */
  static String csvChunk(String jsonLines, List<String> attributeColumns) {
    StringBuilder out = new StringBuilder(jsonLines.length());
    for (String line : jsonLines.split("\n")) {
      if (!line.isEmpty()) {
        out.append(csvRecord(line, attributeColumns));
      }
    }
    return out.toString();
  }

  private static void addOrNull(JsonArrayBuilder line, String value) {
    if (value == null) {
      line.add(JsonValue.NULL);
    } else {
      line.add(value);
    }
  }
}
