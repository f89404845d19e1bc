package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Customer exports through the App API as customerio-node calls them ({@code
 * api.createCustomersExport(filters)}, {@code getExport}, {@code listExports}, {@code
 * downloadExport}; SDK-WIRE-CAPTURE.md), with people and a manual segment made through the Track
 * and App APIs: attribute, segment and and/or/not filters, the CSV behind the signed link, the
 * link's signature and expiry, and refused requests answering in the App API's shape while creating
 * nothing.
 */
class ExportsIT extends ContainerTest {

  /** Four people of one test run, told apart from everyone else by their {@code batch}. */
  private record Cohort(String batch, Map<String, String> cioIds, long segmentId) {}

  private Cohort cohort() {
    String batch = unique("batch");
    Map<String, String> ids = new TreeMap<>();
    put(
        "p1-" + batch,
        "a-" + batch + "@example.com",
        ",\"plan\":\"pro\",\"note\":\"has, \\\"quotes\\\"\",\"seats\":3",
        batch);
    put("p2-" + batch, "b-" + batch + "@example.com", ",\"plan\":\"free\",\"vip\":true", batch);
    put("p3-" + batch, null, ",\"plan\":\"pro\"", batch);
    put("p4-" + batch, "d-" + batch + "@example.com", ",\"plan\":\"free\"", batch);
    for (String p : List.of("p1", "p2", "p3", "p4")) {
      Answer read = http().get("v1/customers/" + p + "-" + batch + "/attributes", Http.app());
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      ids.put(p, read.json().at("/customer/identifiers/cio_id").asText());
    }
    Answer segment =
        http()
            .post(
                "v1/segments",
                Http.app(),
                "{\"segment\":{\"name\":\"" + batch + "\",\"description\":\"export test\"}}");
    assertThat(segment.status()).as(segment.body()).isEqualTo(200);
    long segmentId = segment.json().at("/segment/id").asLong();
    Answer added =
        http()
            .post(
                "api/v1/segments/" + segmentId + "/add_customers",
                Http.track(),
                "{\"ids\":[\"p2-" + batch + "\",\"p3-" + batch + "\"]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    return new Cohort(batch, ids, segmentId);
  }

  private void put(String id, String email, String attributes, String batch) {
    String body =
        "{\"batch\":\""
            + batch
            + "\""
            + (email == null ? "" : ",\"email\":\"" + email + "\"")
            + attributes
            + "}";
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private static String batchIs(String batch) {
    return "{\"attribute\":{\"field\":\"batch\",\"operator\":\"eq\",\"value\":\"" + batch + "\"}}";
  }

  /** Creates an export and waits until it is no longer pending; returns the export object. */
  private JsonNode export(String body) {
    Answer created = http().post("v1/exports/customers", Http.app(), body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode export = created.json().path("export");
    long id = export.path("id").asLong();
    assertThat(id).isPositive();
    assertThat(export.path("type").asText()).isEqualTo("customers");
    assertThat(export.path("status").asText()).isIn("pending", "done");
    assertThat(export.path("deduplicate_id").asText()).startsWith(id + ":");
    assertThat(export.path("description").asText()).startsWith("Customers matching ");
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = http().get("v1/exports/" + id, Http.app()).json().path("export");
              return !last[0].path("status").asText().equals("pending");
            });
    return last[0];
  }

  /** Fetches a done export's file through its signed link, with no API key. */
  private Answer download(long exportId) {
    Answer link = http().get("v1/exports/" + exportId + "/download", Http.app());
    assertThat(link.status()).as(link.body()).isEqualTo(200);
    String url = link.json().path("url").asText();
    assertThat(url).startsWith(base.toString()).contains("/v1/exports/" + exportId + "/file?");
    return http().get(url.substring(base.toString().length()), null);
  }

  private String csv(long exportId) {
    Answer file = download(exportId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    assertThat(file.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(file.raw().headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"customers-" + exportId + ".csv\"");
    return file.body();
  }

  /** Header plus the rows, in cio_id order as exports write them. */
  private static String expected(String header, Cohort cohort, Map<String, String> rowsByPerson) {
    List<Map.Entry<String, String>> rows = new ArrayList<>(rowsByPerson.entrySet());
    rows.sort(Comparator.comparing(e -> cohort.cioIds().get(e.getKey())));
    StringBuilder out = new StringBuilder(header).append("\r\n");
    rows.forEach(
        e -> out.append(cohort.cioIds().get(e.getKey())).append(e.getValue()).append("\r\n"));
    return out.toString();
  }

  // ---- filters and files ------------------------------------------------------------------

  @Test
  void attributeSegmentAndCombinedFiltersExportExactlyTheirPeopleAsCsv() {
    Cohort c = cohort();
    String b = c.batch();

    // Attribute filter: every attribute the matched people have becomes a column, sorted.
    JsonNode pro =
        export(
            "{\"filters\":{\"and\":["
                + batchIs(b)
                + ",{\"attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}}]}}");
    assertThat(pro.path("status").asText()).isEqualTo("done");
    assertThat(pro.path("failed").asBoolean()).isFalse();
    assertThat(pro.path("total").asLong()).isEqualTo(2);
    assertThat(pro.path("failure_reason").isNull()).isTrue();
    assertThat(csv(pro.path("id").asLong()))
        .isEqualTo(
            expected(
                "cio_id,id,email,batch,note,plan,seats",
                c,
                Map.of(
                    "p1",
                    ",p1-" + b + ",a-" + b + "@example.com," + b + ",\"has, \"\"quotes\"\"\",pro,3",
                    "p3",
                    ",p3-" + b + ",," + b + ",,pro,")));

    // Segment filter (as customerio-node sends it), with the columns named.
    JsonNode members =
        export(
            "{\"filters\":{\"and\":[{\"segment\":{\"id\":"
                + c.segmentId()
                + "}}]},\"attributes\":[\"plan\",\"vip\",\"email\"]}");
    assertThat(members.path("total").asLong()).isEqualTo(2);
    assertThat(csv(members.path("id").asLong()))
        .isEqualTo(
            expected(
                "cio_id,id,email,plan,vip",
                c,
                Map.of(
                    "p2", ",p2-" + b + ",b-" + b + "@example.com,free,true",
                    "p3", ",p3-" + b + ",,pro,")));

    // or / not: outside the segment, or a VIP; an email compared ignoring case.
    JsonNode combined =
        export(
            "{\"filters\":{\"and\":["
                + batchIs(b)
                + ",{\"or\":[{\"not\":{\"segment\":{\"id\":"
                + c.segmentId()
                + "}}},{\"attribute\":{\"field\":\"vip\",\"operator\":\"eq\",\"value\":true}}]},"
                + "{\"not\":{\"attribute\":{\"field\":\"email\",\"operator\":\"eq\",\"value\":\"D-"
                + b.toUpperCase()
                + "@EXAMPLE.COM\"}}},"
                + "{\"attribute\":{\"field\":\"email\",\"operator\":\"exists\"}}]}}");
    assertThat(combined.path("total").asLong()).isEqualTo(2);
    assertThat(csv(combined.path("id").asLong()))
        .isEqualTo(
            expected(
                "cio_id,id,email,batch,note,plan,seats,vip",
                c,
                Map.of(
                    "p1",
                    ",p1-"
                        + b
                        + ",a-"
                        + b
                        + "@example.com,"
                        + b
                        + ",\"has, \"\"quotes\"\"\",pro,3,",
                    "p2",
                    ",p2-" + b + ",b-" + b + "@example.com," + b + ",,free,,true")));

    // Nobody matching: a done export whose file is the header.
    JsonNode nobody =
        export(
            "{\"filters\":{\"and\":["
                + batchIs(b)
                + ",{\"attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"gold\"}}]}}");
    assertThat(nobody.path("total").asLong()).isZero();
    assertThat(csv(nobody.path("id").asLong())).isEqualTo("cio_id,id,email\r\n");

    // Listed newest first; each download counted.
    Answer list = http().get("v1/exports", Http.app());
    assertThat(list.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.json().path("exports").forEach(e -> ids.add(e.path("id").asLong()));
    assertThat(ids)
        .containsSubsequence(
            nobody.path("id").asLong(),
            combined.path("id").asLong(),
            members.path("id").asLong(),
            pro.path("id").asLong());
    JsonNode again = http().get("v1/exports/" + pro.path("id").asLong(), Http.app()).json();
    assertThat(again.at("/export/downloads").asInt()).isEqualTo(1);
    assertThat(again.at("/export/scanned").asLong()).isGreaterThanOrEqualTo(4);
  }

  // ---- the signed link --------------------------------------------------------------------

  @Test
  void theFileNeedsAValidUnexpiredSignatureAndNoApiKey() throws Exception {
    Cohort c = cohort();
    long id = export("{\"filters\":" + batchIs(c.batch()) + "}").path("id").asLong();
    Answer link = http().get("v1/exports/" + id + "/download", Http.app());
    String url = link.json().path("url").asText().substring(base.toString().length());
    String expires = url.replaceAll(".*[?&]expires=([0-9]+).*", "$1");
    String signature = url.replaceAll(".*[?&]signature=([^&]+).*", "$1");
    assertThat(Long.parseLong(expires))
        .isBetween(
            Instant.now().plusSeconds(14 * 60).getEpochSecond(),
            Instant.now().plusSeconds(16 * 60).getEpochSecond());
    assertThat(http().get(url, null).status()).isEqualTo(200);

    String file = "v1/exports/" + id + "/file";
    String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    assertAppError(
        http().get(file + "?expires=" + expires + "&signature=" + flipped, null), 403, "signature");
    assertAppError(
        http()
            .get(
                file + "?expires=" + (Long.parseLong(expires) + 1) + "&signature=" + signature,
                null),
        403,
        "signature");
    assertAppError(
        http()
            .get(
                "v1/exports/"
                    + (id + 1000)
                    + "/file?expires="
                    + expires
                    + "&signature="
                    + signature,
                null),
        403,
        "signature");
    assertAppError(http().get(file, null), 403, "signature");
    assertAppError(http().get("v1/exports/not-a-number/file", null), 403, "signature");

    // Correctly signed (with the key the node derives from its secret key) but expired.
    long past = Instant.now().minusSeconds(60).getEpochSecond();
    assertAppError(
        http().get(file + "?expires=" + past + "&signature=" + sign(id, past), null),
        403,
        "expired");
    // ... and the same derivation with a future expiry is accepted: the signature is what counts.
    long later = Instant.now().plusSeconds(60).getEpochSecond();
    assertThat(
            http().get(file + "?expires=" + later + "&signature=" + sign(id, later), null).status())
        .isEqualTo(200);

    // Everything else under /v1/exports still needs the App API key.
    assertAppError(http().get("v1/exports", null), 401, "Authorization header missing");
    assertAppError(http().get("v1/exports/" + id, null), 401, "Authorization header missing");
    assertAppError(http().get("v1/exports/" + id + "/download", null), 401, "Authorization");
    assertAppError(
        http().post("v1/exports/customers", null, "{\"filters\":" + batchIs(c.batch()) + "}"),
        401,
        "Authorization");
    assertAppError(
        http().get("v1/exports", Http.bearer("wrong-key-0000000000000000")), 401, "invalid");
  }

  /** The link signature as documented: HMAC-SHA256 under HMAC-SHA256(secret key, purpose). */
  private static String sign(long id, long expires) throws Exception {
    byte[] secret =
        Base64.getDecoder()
            .decode(Files.readString(ItConfig.dataDir().resolve("secret.key")).trim());
    Mac derive = Mac.getInstance("HmacSHA256");
    derive.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] key = derive.doFinal("herald:exports.download-link".getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            mac.doFinal(
                ("export-download:" + id + ":" + expires).getBytes(StandardCharsets.UTF_8)));
  }

  // ---- refused requests -------------------------------------------------------------------

  @Test
  void refusedRequestsAnswerInTheAppShapeAndCreateNothing() throws Exception {
    long before = exportRows();
    String path = "v1/exports/customers";
    assertAppError(http().post(path, Http.app(), "{\"filters\":"), 400, "malformed JSON");
    assertAppError(http().post(path, Http.app(), ""), 400, "empty");
    assertAppError(http().post(path, Http.app(), "[]"), 400, "must be a JSON object");
    assertAppError(http().post(path, Http.app(), "{}"), 400, "filters: is required");
    assertAppError(
        http().post(path, Http.app(), "{\"filters\":\"all\"}"), 400, "filters: must be an object");
    assertAppError(
        http().post(path, Http.app(), "{\"filters\":{\"segment\":{\"id\":\"seven\"}}}"),
        400,
        "filters.segment.id: must be a positive whole number");
    assertAppError(
        http()
            .post(
                path, Http.app(), "{\"filters\":{\"segment\":{\"id\":1}},\"attributes\":\"plan\"}"),
        400,
        "attributes: must be an array");
    assertAppError(
        http()
            .post(
                path,
                Http.app(),
                "{\"filters\":{\"and\":[{\"attribute\":{\"field\":\"age\",\"operator\":\"gt\",\"value\":3}}]}}"),
        400,
        "filters.and[0].attribute.operator: \"gt\" is not supported; use eq or exists");
    assertAppError(
        http()
            .post(path, Http.app(), "{\"filters\":{\"or\":[{\"event\":{\"name\":\"purchase\"}}]}}"),
        400,
        "filters.or[0].event: is not supported in a customer export filter");
    assertAppError(
        http().post(path, Http.app(), "{\"filters\":{\"segment\":{\"id\":999999999}}}"),
        400,
        "segment 999999999 does not exist");
    assertAppError(
        http().post(path, Http.app(), "{\"filters\":{\"segment\":{\"id\":1}},\"filter\":{}}"),
        400,
        "filter: is not known");
    String oversize =
        "{\"filters\":{\"attribute\":{\"field\":\"a\",\"operator\":\"eq\",\"value\":\""
            + "x".repeat(33 * 1024)
            + "\"}}}";
    assertAppError(http().post(path, Http.app(), oversize), 413, "larger than 32 KB");
    assertThat(exportRows()).as("no export was created").isEqualTo(before);

    // Unknown ids.
    assertAppError(http().get("v1/exports/999999999", Http.app()), 404, "no export 999999999");
    assertAppError(http().get("v1/exports/abc", Http.app()), 404, "no export abc");
    assertAppError(http().get("v1/exports/999999999/download", Http.app()), 404, "no export");
  }

  @Test
  void aFailedExportHasAReasonAndNoDownload() {
    // More than 5000 distinct attribute names among the matched people: refused while running.
    String batch = unique("wide");
    for (int person = 0; person < 17; person++) {
      StringBuilder body = new StringBuilder("{\"wide\":\"" + batch + "\"");
      for (int a = 0; a < 299; a++) {
        body.append(",\"w").append(person).append('_').append(a).append("\":1");
      }
      Answer put = http().put("api/v1/customers/" + batch + "-" + person, Http.track(), body + "}");
      assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
    JsonNode failed =
        export(
            "{\"filters\":{\"attribute\":{\"field\":\"wide\",\"operator\":\"eq\",\"value\":\""
                + batch
                + "\"}}}");
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("failed").asBoolean()).isTrue();
    assertThat(failed.path("failure_reason").asText())
        .contains("more than 5000 distinct attributes");
    long id = failed.path("id").asLong();
    assertAppError(http().get("v1/exports/" + id + "/download", Http.app()), 409, "failed");

    // Naming the columns avoids it.
    JsonNode named =
        export(
            "{\"filters\":{\"attribute\":{\"field\":\"wide\",\"operator\":\"eq\",\"value\":\""
                + batch
                + "\"}},\"attributes\":[\"w0_0\"]}");
    assertThat(named.path("status").asText()).isEqualTo("done");
    assertThat(named.path("total").asLong()).isEqualTo(17);
    assertThat(csv(named.path("id").asLong()))
        .startsWith("cio_id,id,email,w0_0\r\n")
        .contains(",1\r\n");
  }

  private static long exportRows() throws Exception {
    try (Connection db = Db.connect();
        ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM exports_export")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
