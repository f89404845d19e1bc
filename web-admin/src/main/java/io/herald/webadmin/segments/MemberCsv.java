package io.herald.webadmin.segments;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file of people to add to a manual segment: one column of identifiers of one kind
 * (ids, emails or cio_ids), UTF-8, comma-separated with RFC 4180 quoting. Blank lines are ignored;
 * a first line reading {@code id}, {@code email} or {@code cio_id} is a header (it must name the
 * kind chosen); extra columns may only be empty (a trailing comma). Values are trimmed, and a
 * {@code cio_} prefix is dropped from cio_ids, as the Track API does. Anything else is refused
 * whole with the line and the reason: nothing of a malformed file is added.
 */
public final class MemberCsv {

  /** Largest file read, in bytes. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Most identifiers one file may hold. */
  public static final int MAX_ROWS = 100_000;

  private final IdType type;
  private final List<PersonRef> refs = new ArrayList<>();
  private boolean anyRecord;

  private MemberCsv(IdType type) {
    this.type = type;
  }

  /**
   * The references the file holds, in file order, repeats included.
   *
   * @throws MalformedCsvException naming the line and the reason when the file is not such a CSV
   * @throws IOException when the stream cannot be read
   */
  public static List<PersonRef> read(InputStream in, IdType type) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new MalformedCsvException(
          "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it");
    }
    MemberCsv csv = new MemberCsv(type);
    new CsvRecords(decode(bytes)).forEach(csv::record);
    if (csv.refs.isEmpty()) {
      throw new MalformedCsvException("the file holds no " + name(type) + "s");
    }
    return List.copyOf(csv.refs);
  }

  private static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new MalformedCsvException("the file is not UTF-8 text");
    }
  }

  private void record(int line, List<String> fields) {
    if (fields.stream().allMatch(String::isBlank)) {
      return;
    }
    String value = fields.get(0).trim();
    long filled = fields.stream().filter(f -> !f.isBlank()).count();
    if (value.isEmpty() || filled > 1) {
      throw new MalformedCsvException(
          "line "
              + line
              + (value.isEmpty() ? ": the first column is empty" : " has " + filled + " values")
              + "; the file must have one column of "
              + name(type)
              + "s");
    }
    boolean first = !anyRecord;
    anyRecord = true;
    if (first && header(line, value)) {
      return;
    }
    if (refs.size() == MAX_ROWS) {
      throw new MalformedCsvException(
          "the file holds more than "
              + String.format(Locale.ROOT, "%,d", MAX_ROWS)
              + " "
              + name(type)
              + "s; split it");
    }
    if (type == IdType.CIO_ID && value.startsWith("cio_")) {
      value = value.substring(4);
    }
    PersonRef ref = new PersonRef(type, value);
    if (!ref.wellFormed()) {
      throw new MalformedCsvException(
          "line "
              + line
              + ": the "
              + name(type)
              + " is "
              + value.getBytes(StandardCharsets.UTF_8).length
              + " bytes; the limit is "
              + PersonRef.MAX_BYTES);
    }
    refs.add(ref);
  }

  /** Whether the first value is a header, refusing one that names another kind of identifier. */
  private boolean header(int line, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.equals("id") && !lower.equals("email") && !lower.equals("cio_id")) {
      return false;
    }
    if (!lower.equals(name(type))) {
      throw new MalformedCsvException(
          "line "
              + line
              + " is the header "
              + value
              + ", but the file was to hold "
              + name(type)
              + "s: choose "
              + lower
              + " as the identifier or fix the header");
    }
    return true;
  }

  /** The identifier's name as the App API's {@code id_type} spells it. */
  static String name(IdType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
