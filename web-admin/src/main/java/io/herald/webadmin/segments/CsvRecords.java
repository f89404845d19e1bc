package io.herald.webadmin.segments;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180: comma-separated, {@code "} quotes a field and
 * {@code ""} is a quote inside one; CRLF, LF or CR end a record). A quoted field may not span
 * lines: identifiers never hold line breaks, and a stray quote would otherwise swallow the rest of
 * the file.
 */
final class CsvRecords {

  /** Receives each record with the line it is on (from 1). */
  interface Handler {
    void record(int line, List<String> fields);
  }

  private final String text;
  private int line = 1;
  private int pos;

  CsvRecords(String text) {
    this.text = text;
  }

  /** Hands every record, blank ones included, to {@code handler} in order. */
  void forEach(Handler handler) {
    while (pos < text.length()) {
      int recordLine = line;
      handler.record(recordLine, record());
    }
  }

  private List<String> record() {
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : plain());
      if (pos >= text.length()) {
        return fields;
      }
      char c = text.charAt(pos++);
      if (c == ',') {
        continue;
      }
      // A line break: CRLF counts once.
      if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
        pos++;
      }
      line++;
      return fields;
    }
  }

  private String plain() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '\n' || c == '\r') {
        break;
      }
      if (c == '"') {
        throw new MalformedCsvException(
            "line " + line + ": a quote inside a value that does not start with one");
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new MalformedCsvException("line " + line + ": a quoted value is not closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          value.append('"');
          pos++;
          continue;
        }
        break;
      }
      if (c == '\n' || c == '\r') {
        throw new MalformedCsvException(
            "line " + line + ": a quoted value runs past the end of the line");
      }
      value.append(c);
    }
    if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
      throw new MalformedCsvException("line " + line + ": text after a closing quote");
    }
    return value.toString();
  }
}
