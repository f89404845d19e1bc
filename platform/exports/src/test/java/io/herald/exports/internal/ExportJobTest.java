package io.herald.exports.internal;

import static io.herald.exports.internal.People.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.exports.api.AudienceFilter;
import io.herald.exports.api.ExportStatus;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonView;
import io.herald.segments.api.SegmentService;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportJobTest {

  private static final WorkspaceId WS = new WorkspaceId(1);

  private final List<PersonView> everyone = new ArrayList<>();
  private final Set<String> segmentSeven = new HashSet<>();
  private final List<Integer> pageSizes = new ArrayList<>();
  private final FakeExports exports = new FakeExports();
  private final ExportJob job = new ExportJob();

  @BeforeEach
  void wire() {
    // 1203 people: three full pages and a short one; every third is on the pro plan, every
    // fifth in segment 7, and odd ones have an extra attribute of their own.
    for (int i = 0; i < 1203; i++) {
      String cio = String.format("c%05d", i);
      String attributes =
          "{'plan':'"
              + (i % 3 == 0 ? "pro" : "free")
              + "'"
              + (i % 2 == 1 ? ",'odd':" + i : "")
              + "}";
      everyone.add(person(cio, "id" + i, i % 7 == 0 ? null : "p" + i + "@example.com", attributes));
      if (i % 5 == 0) {
        segmentSeven.add(cio);
      }
    }
    job.pages = new PageReader();
    job.pages.people = fake(PeopleService.class, "scan", this::scan);
    job.pages.segments = fake(SegmentService.class, "membersAmong", this::membersAmong);
    job.exports = exports;
    job.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    job.chunkChars = 2000;
  }

  private Object scan(Object[] args) {
    String after = (String) args[1];
    int limit = (Integer) args[2];
    List<PersonView> page =
        everyone.stream().filter(p -> p.cioId().compareTo(after) > 0).limit(limit).toList();
    pageSizes.add(page.size());
    return page;
  }

  private Object membersAmong(Object[] args) {
    assertThat((Long) args[1]).isEqualTo(7L);
    Set<String> found = new HashSet<>();
    for (Object cio : (Collection<?>) args[2]) {
      if (segmentSeven.contains(cio)) {
        found.add((String) cio);
      }
    }
    return found;
  }

  private static AudienceFilter filter(String json) {
    try (var reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return AudienceFilter.parse(reader.readValue(), "filters");
    }
  }

  private void run(String filter, Optional<List<String>> columns) {
    job.run(new ExportJob.Request(9, WS, filter(filter), columns));
  }

  @Test
  void scansEveryPageMatchesAndWritesTheCsvInChunks() {
    run(
        "{'and':[{'segment':{'id':7}},"
            + "{'attribute':{'field':'plan','operator':'eq','value':'pro'}}]}",
        Optional.empty());

    assertThat(exports.status).as(exports.failureReason).isEqualTo(ExportStatus.DONE);
    assertThat(pageSizes).containsExactly(500, 500, 203);
    assertThat(exports.scanned).isEqualTo(1203);
    StringBuilder expected = new StringBuilder("cio_id,id,email,odd,plan\r\n");
    int matched = 0;
    for (int i = 0; i < 1203; i += 15) { // in segment 7 and on the pro plan
      expected
          .append(String.format("c%05d", i))
          .append(",id")
          .append(i)
          .append(',')
          .append(i % 7 == 0 ? "" : "p" + i + "@example.com")
          .append(',')
          .append(i % 2 == 1 ? Integer.toString(i) : "")
          .append(",pro\r\n");
      matched++;
    }
    assertThat(exports.total).isEqualTo(matched);
    assertThat(exports.chunks.size()).as("header and several row chunks").isGreaterThan(3);
    assertThat(exports.file()).isEqualTo(expected.toString());
  }

  @Test
  void namedColumnsReplaceTheAttributesSeenAndNobodyMatchingGivesAHeaderOnly() {
    run(
        "{'attribute':{'field':'email','operator':'eq','value':'P4@EXAMPLE.COM'}}",
        Optional.of(List.of("plan", "absent")));
    assertThat(exports.file())
        .isEqualTo("cio_id,id,email,plan,absent\r\nc00004,id4,p4@example.com,free,\r\n");

    FakeExports empty = new FakeExports();
    job.exports = empty;
    run("{'attribute':{'field':'plan','operator':'eq','value':'enterprise'}}", Optional.empty());
    assertThat(empty.status).isEqualTo(ExportStatus.DONE);
    assertThat(empty.total).isZero();
    assertThat(empty.file()).isEqualTo("cio_id,id,email\r\n");
  }

  @Test
  void stopsWhenTheExportWasFailedMeanwhile() {
    exports.onProgress =
        () -> {
          if (exports.progressCalls == 2) {
            exports.fail(9, "swept", Instant.EPOCH);
          }
        };
    run("{'attribute':{'field':'plan','operator':'exists'}}", Optional.empty());
    assertThat(exports.status).isEqualTo(ExportStatus.FAILED);
    assertThat(exports.failureReason).isEqualTo("swept");
    assertThat(pageSizes).as("no page read after the stop").hasSizeLessThanOrEqualTo(2);
    assertThat(exports.chunks).isEmpty();
  }

  @Test
  void anErrorFailsTheExportWithItsReason() {
    job.pages.people =
        fake(
            PeopleService.class,
            "scan",
            args -> {
              throw new IllegalStateException("database went away");
            });
    run("{'attribute':{'field':'plan','operator':'exists'}}", Optional.empty());
    assertThat(exports.status).isEqualTo(ExportStatus.FAILED);
    assertThat(exports.failureReason)
        .isEqualTo("the export failed: IllegalStateException: database went away");
  }

  /** An implementation of {@code type} answering {@code method} and refusing everything else. */
  private static <T> T fake(
      Class<T> type, String method, java.util.function.Function<Object[], Object> answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, m, args) -> {
              if (m.getName().equals(method)) {
                return answer.apply(args);
              }
              throw new AssertionError("unexpected call " + m.getName());
            }));
  }
}
