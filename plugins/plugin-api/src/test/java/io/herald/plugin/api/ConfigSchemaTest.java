package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ConfigProperty.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

  private static ConfigProperty property(String name, Type type, boolean required) {
    return new ConfigProperty(name, name, "", type, required, false, null, List.of());
  }

  @Nested
  class Required {

    private final ConfigSchema schema =
        ConfigSchema.builder().required("host", "Host", Type.STRING, "").build();

    @Test
    void missingRequiredValueIsReported() {
      assertThat(schema.validate(Map.of())).containsExactly("host: is required");
    }

    @Test
    void blankRequiredValueCountsAsMissing() {
      assertThat(schema.validate(Map.of("host", "   "))).containsExactly("host: is required");
    }

    @Test
    void presentRequiredValuePasses() {
      assertThat(schema.validate(Map.of("host", "smtp.example.com"))).isEmpty();
    }

    @Test
    void requiredPropertyWithDefaultMayBeOmitted() {
      ConfigSchema withDefault =
          new ConfigSchema(
              List.of(
                  new ConfigProperty("port", "Port", "", Type.INTEGER, true, false, "25", null)));

      assertThat(withDefault.validate(Map.of())).isEmpty();
    }

    @Test
    void optionalValueMayBeOmitted() {
      ConfigSchema optional =
          ConfigSchema.builder().optional("port", "Port", Type.INTEGER, "").build();

      assertThat(optional.validate(Map.of())).isEmpty();
    }

    @Test
    void secretFromBuilderIsRequiredAndSecret() {
      ConfigSchema secret = ConfigSchema.builder().secret("apiKey", "API key", "").build();

      assertThat(secret.property("apiKey"))
          .hasValueSatisfying(
              p -> {
                assertThat(p.secret()).isTrue();
                assertThat(p.required()).isTrue();
                assertThat(p.type()).isEqualTo(Type.STRING);
              });
      assertThat(secret.validate(Map.of())).containsExactly("apiKey: is required");
    }
  }

  @Nested
  class Types {

    @Test
    void integerAcceptsWholeNumbersIncludingSurroundingSpaces() {
      ConfigSchema schema = new ConfigSchema(List.of(property("n", Type.INTEGER, true)));

      assertThat(schema.validate(Map.of("n", "42"))).isEmpty();
      assertThat(schema.validate(Map.of("n", "-7"))).isEmpty();
      assertThat(schema.validate(Map.of("n", " 8 "))).isEmpty();
    }

    @Test
    void integerRejectsOtherText() {
      ConfigSchema schema = new ConfigSchema(List.of(property("n", Type.INTEGER, true)));

      assertThat(schema.validate(Map.of("n", "4.2"))).containsExactly("n: must be a whole number");
      assertThat(schema.validate(Map.of("n", "ten"))).containsExactly("n: must be a whole number");
    }

    @Test
    void booleanAcceptsOnlyTrueOrFalse() {
      ConfigSchema schema = new ConfigSchema(List.of(property("b", Type.BOOLEAN, true)));

      assertThat(schema.validate(Map.of("b", "true"))).isEmpty();
      assertThat(schema.validate(Map.of("b", "false"))).isEmpty();
      assertThat(schema.validate(Map.of("b", "yes"))).containsExactly("b: must be true or false");
      assertThat(schema.validate(Map.of("b", "TRUE"))).containsExactly("b: must be true or false");
    }

    @Test
    void urlAcceptsAbsoluteHttpAndHttps() {
      ConfigSchema schema = new ConfigSchema(List.of(property("u", Type.URL, true)));

      assertThat(schema.validate(Map.of("u", "https://api.example.com/v1"))).isEmpty();
      assertThat(schema.validate(Map.of("u", "http://localhost:8080"))).isEmpty();
    }

    @Test
    void urlRejectsOtherSchemesRelativeAndMalformedValues() {
      ConfigSchema schema = new ConfigSchema(List.of(property("u", Type.URL, true)));
      String problem = "u: must be an absolute http or https URL";

      assertThat(schema.validate(Map.of("u", "ftp://files.example.com"))).containsExactly(problem);
      assertThat(schema.validate(Map.of("u", "/relative/path"))).containsExactly(problem);
      assertThat(schema.validate(Map.of("u", "http:///no-host"))).containsExactly(problem);
      assertThat(schema.validate(Map.of("u", "https://bad host"))).containsExactly(problem);
    }

    @Test
    void choiceAcceptsOnlyDeclaredOptions() {
      ConfigSchema schema =
          new ConfigSchema(
              List.of(
                  new ConfigProperty(
                      "region",
                      "Region",
                      "",
                      Type.CHOICE,
                      true,
                      false,
                      null,
                      List.of("us", "eu"))));

      assertThat(schema.validate(Map.of("region", "eu"))).isEmpty();
      assertThat(schema.validate(Map.of("region", "EU")))
          .containsExactly("region: must be one of [us, eu]");
    }

    @Test
    void choiceWithoutOptionsIsRejected() {
      assertThatThrownBy(() -> property("region", Type.CHOICE, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("region");
    }

    @Test
    void stringAndTextAcceptAnyValue() {
      ConfigSchema schema =
          new ConfigSchema(
              List.of(property("s", Type.STRING, true), property("t", Type.TEXT, true)));

      assertThat(schema.validate(Map.of("s", "anything at all", "t", "line one\nline two")))
          .isEmpty();
    }
  }

  @Nested
  class Keys {

    @Test
    void unknownKeyIsReported() {
      ConfigSchema schema = new ConfigSchema(List.of(property("host", Type.STRING, false)));

      assertThat(schema.validate(Map.of("hots", "x"))).containsExactly("hots: unknown setting");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
      ConfigSchema schema =
          new ConfigSchema(
              List.of(property("host", Type.STRING, true), property("port", Type.INTEGER, false)));

      assertThat(schema.validate(Map.of("port", "x", "extra", "y")))
          .containsExactlyInAnyOrder(
              "extra: unknown setting", "host: is required", "port: must be a whole number");
    }

    @Test
    void duplicateNamesAreRejectedByTheConstructor() {
      List<ConfigProperty> properties =
          List.of(property("host", Type.STRING, true), property("host", Type.URL, false));

      assertThatThrownBy(() -> new ConfigSchema(properties))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("duplicate config property: host");
    }

    @Test
    void duplicateNamesAreRejectedByTheBuilder() {
      ConfigSchema.Builder builder =
          ConfigSchema.builder()
              .required("token", "Token", Type.STRING, "")
              .secret("token", "Token", "");

      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("duplicate config property: token");
    }

    @Test
    void propertyNameMustBeAnIdentifier() {
      assertThatThrownBy(() -> property("1st", Type.STRING, false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> property("with space", Type.STRING, false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(property("smtp.port_2", Type.STRING, false).name()).isEqualTo("smtp.port_2");
    }

    @Test
    void propertiesKeepDeclarationOrderAndCannotBeModified() {
      ConfigSchema schema =
          ConfigSchema.builder()
              .required("b", "B", Type.STRING, "")
              .optional("a", "A", Type.STRING, "")
              .build();

      assertThat(schema.properties()).extracting(ConfigProperty::name).containsExactly("b", "a");
      assertThatThrownBy(() -> schema.properties().add(property("c", Type.STRING, false)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(schema.property("missing")).isEmpty();
    }
  }
}
