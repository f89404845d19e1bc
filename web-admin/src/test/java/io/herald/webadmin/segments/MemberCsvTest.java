package io.herald.webadmin.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

  private static List<PersonRef> read(String text, IdType type) throws IOException {
    return MemberCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), type);
  }

  private static List<String> values(List<PersonRef> refs) {
    return refs.stream().map(PersonRef::value).toList();
  }

  @Test
  void oneColumnOfIdsWithAnyLineEndingsAndBlankLines() throws IOException {
    List<PersonRef> refs = read("u1\r\n u2 \n\n\"u,3\"\r\"u\"\"4\"\nu1", IdType.ID);

    assertThat(refs).allMatch(r -> r.type() == IdType.ID);
    assertThat(values(refs)).containsExactly("u1", "u2", "u,3", "u\"4", "u1");
  }

  @Test
  void aHeaderNamingTheChosenKindIsSkippedAndABomIgnored() throws IOException {
    assertThat(values(read("\uFEFFEmail\na@example.com\nB@Example.com\n", IdType.EMAIL)))
        .containsExactly("a@example.com", "B@Example.com");
    assertThat(values(read("cio_id\ncio_abc\ndef", IdType.CIO_ID))).containsExactly("abc", "def");
  }

  @Test
  void aHeaderNamingAnotherKindIsRefused() {
    assertThatThrownBy(() -> read("email\na@example.com\n", IdType.ID))
        .isInstanceOf(MalformedCsvException.class)
        .hasMessage(
            "line 1 is the header email, but the file was to hold ids: choose email as the"
                + " identifier or fix the header");
  }

  @Test
  void aTrailingEmptyColumnIsAcceptedButASecondValueIsNot() throws IOException {
    assertThat(values(read("u1,\nu2, ,\n", IdType.ID))).containsExactly("u1", "u2");
    assertThatThrownBy(() -> read("u1\nu2,Ada\n", IdType.ID))
        .isInstanceOf(MalformedCsvException.class)
        .hasMessage("line 2 has 2 values; the file must have one column of ids");
    assertThatThrownBy(() -> read("u1\n,u2\n", IdType.ID))
        .hasMessage("line 2: the first column is empty; the file must have one column of ids");
  }

  @Test
  void brokenQuotingIsRefusedWithTheLine() {
    assertThatThrownBy(() -> read("u1\n\"u2\n", IdType.ID))
        .hasMessage("line 2: a quoted value runs past the end of the line");
    assertThatThrownBy(() -> read("u1\nu2\n\"u3", IdType.ID))
        .hasMessage("line 3: a quoted value is not closed");
    assertThatThrownBy(() -> read("u\"1\n", IdType.ID))
        .hasMessage("line 1: a quote inside a value that does not start with one");
    assertThatThrownBy(() -> read("\"u1\"x\n", IdType.ID))
        .hasMessage("line 1: text after a closing quote");
  }

  @Test
  void aValueOverTheIdentifierLimitIsRefused() {
    String long151 = "x".repeat(151);

    assertThatThrownBy(() -> read("ok\n" + long151, IdType.ID))
        .hasMessage("line 2: the id is 151 bytes; the limit is 150");
  }

  @Test
  void anEmptyOrHeaderOnlyFileHoldsNoIds() {
    assertThatThrownBy(() -> read("", IdType.ID)).hasMessage("the file holds no ids");
    assertThatThrownBy(() -> read("email\n\n", IdType.EMAIL))
        .hasMessage("the file holds no emails");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = "caf\u00e9@example.com".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> MemberCsv.read(new ByteArrayInputStream(latin1), IdType.EMAIL))
        .hasMessage("the file is not UTF-8 text");
  }

  @Test
  void tooManyRowsOrBytesAreRefused() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i <= MemberCsv.MAX_ROWS; i++) {
      rows.append(i).append('\n');
    }
    assertThatThrownBy(() -> read(rows.toString(), IdType.ID))
        .hasMessage("the file holds more than 100,000 ids; split it");
    byte[] big = new byte[MemberCsv.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> MemberCsv.read(new ByteArrayInputStream(big), IdType.ID))
        .hasMessage("the file is larger than 10 MB; split it");
  }
}
