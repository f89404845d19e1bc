package io.herald.exports.internal;

import static io.herald.exports.internal.People.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.PersonView;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportRowsTest {

  private final PersonView ada =
      person(
          "c1",
          "42",
          "Ada@Example.com",
          "{'plan':'pro','seats':5,'vip':true,'tags':['a','b'],'note':'says \\\"hi\\\", then\\nleaves'}");
  private final PersonView anonymous = person("c2", null, null, "{'plan':'free'}");

  @Test
  void jsonLinesKeepIdentifiersApartFromAttributes() {
    assertThat(ExportRows.jsonLine(anonymous)).isEqualTo("[\"c2\",null,null,{\"plan\":\"free\"}]");
    assertThat(ExportRows.jsonLine(ada)).doesNotContain("\n").startsWith("[\"c1\",\"42\",");
    assertThat(ExportRows.attributeNames(ada))
        .containsExactlyInAnyOrder("plan", "seats", "vip", "tags", "note");
  }

  @Test
  void headerAndRecordsFollowTheAttributeColumns() {
    List<String> columns = List.of("note", "plan", "seats", "tags", "vip", "missing");
    assertThat(ExportRows.header(columns))
        .isEqualTo("cio_id,id,email,note,plan,seats,tags,vip,missing\r\n");
    assertThat(ExportRows.csvRecord(ExportRows.jsonLine(ada), columns))
        .isEqualTo(
            "c1,42,Ada@Example.com,\"says \"\"hi\"\", then\nleaves\",pro,5,"
                + "\"[\"\"a\"\",\"\"b\"\"]\",true,\r\n");
    assertThat(ExportRows.csvRecord(ExportRows.jsonLine(anonymous), columns))
        .isEqualTo("c2,,,,free,,,,\r\n");
  }

  @Test
  void aChunkOfJsonLinesBecomesCsvRecordsInOrder() {
    String lines = ExportRows.jsonLine(anonymous) + "\n" + ExportRows.jsonLine(ada) + "\n";
    assertThat(ExportRows.csvChunk(lines, List.of("plan")))
        .isEqualTo("c2,,,free\r\nc1,42,Ada@Example.com,pro\r\n");
    assertThat(ExportRows.csvChunk("", List.of("plan"))).isEmpty();
  }

  @Test
  void identifiersAreNeverAttributeColumns() {
    assertThat(ExportRows.isIdentifier("cio_id")).isTrue();
    assertThat(ExportRows.isIdentifier("email")).isTrue();
    assertThat(ExportRows.isIdentifier("id")).isTrue();
    assertThat(ExportRows.isIdentifier("plan")).isFalse();
  }
}
