package io.herald.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link TwilioSignature} against the vectors Twilio publishes. */
class TwilioSignatureTest {

  /** Twilio's example request: https://www.twilio.com/docs/usage/webhooks/webhooks-security. */
  private static final String DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

  private static Map<String, List<String>> docsParams(String caller) {
    Map<String, List<String>> params = new TreeMap<>();
    params.put("CallSid", List.of("CA1234567890ABCDE"));
    params.put("Caller", List.of(caller));
    params.put("Digits", List.of("1234"));
    params.put("From", List.of(caller));
    params.put("To", List.of("+18005551212"));
    return params;
  }

  @Test
  void computesTheSignaturesOfTwiliosDocumentedExamples() {
    TwilioSignature signature = new TwilioSignature("12345");

    // The current "Secure webhooks" page.
    assertThat(signature.compute(DOCS_URL, docsParams("+12349013030")))
        .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    // The same example in Twilio's api-snippets (signature_validation.2.x.js, twilio-node's tests).
    assertThat(signature.compute(DOCS_URL, docsParams("+14158675309")))
        .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // And in signature_validation.5.x.php.
    assertThat(signature.compute(DOCS_URL, docsParams("+14158675310")))
        .isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  }

  @Test
  void matchesOnlyTheRightSignatureForTheRightData() {
    TwilioSignature signature = new TwilioSignature("12345");
    Map<String, List<String>> params = docsParams("+12349013030");

    assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOCS_URL, params)).isTrue();
    assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOCS_URL + "&x=1", params))
        .isFalse();
    params.put("Digits", List.of("1235"));
    assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOCS_URL, params)).isFalse();
    assertThat(
            new TwilioSignature("12346")
                .matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOCS_URL, docsParams("+12349013030")))
        .isFalse();
    assertThat(signature.matches("", DOCS_URL, docsParams("+12349013030"))).isFalse();
  }

  @Test
  void acceptsTheUrlWithOrWithoutItsDefaultPort() {
    TwilioSignature signature = new TwilioSignature("12345");
    Map<String, List<String>> params = docsParams("+12349013030");
    String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";

    assertThat(signature.matches(signature.compute(withPort, params), DOCS_URL, params)).isTrue();
    assertThat(signature.matches(signature.compute(DOCS_URL, params), withPort, params)).isTrue();
    assertThat(TwilioSignature.urlVariants("http://h.test:8080/cb"))
        .containsExactly("http://h.test:8080/cb");
    assertThat(TwilioSignature.urlVariants("http://h.test/cb"))
        .containsExactly("http://h.test/cb", "http://h.test:80/cb");
  }

  @Test
  void repeatedParametersAreSignedInValueOrder() {
    TwilioSignature signature = new TwilioSignature("12345");
    Map<String, List<String>> params = new TreeMap<>();
    params.put("MediaUrl", List.of("https://b.test/2", "https://a.test/1"));

    assertThat(signature.compute("https://h.test/cb", params))
        .isEqualTo(
            TestSupport.sign(
                "12345",
                "https://h.test/cb" + "MediaUrlhttps://a.test/1",
                Map.of("MediaUrl", "https://b.test/2")));
  }

  @Test
  void aJsonBodyMustMatchItsBodySha256() {
    // Twilio's api-snippets example (security/signature_validation_json).
    String url =
        "https://example.com/myapp?bodySHA256="
            + "5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9";
    byte[] body =
        "{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+12349013030\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(TwilioSignature.bodyMatchesHash(url, body)).isTrue();
    assertThat(TwilioSignature.bodyMatchesHash(url, new byte[1])).isFalse();
    assertThat(TwilioSignature.bodyMatchesHash("https://example.com/myapp", body)).isFalse();
  }

  @Test
  void toStringHasNoKey() {
    assertThat(new TwilioSignature("sekr3t-token-value").toString())
        .doesNotContain("sekr3t-token-value");
  }
}
