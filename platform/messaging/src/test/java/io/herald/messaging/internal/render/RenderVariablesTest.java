package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderVariablesTest {

  private final LiquidRenderer renderer = new LiquidRenderer(Clock.systemUTC());

  private String render(String source, RenderVariables variables) {
    return renderer.compile("body", source).render(variables.asMap());
  }

  @Test
  void exposesCustomerIoNamespaces() {
    RenderVariables vars =
        RenderVariables.builder()
            .customer("42", "ada@example.test", "cio_9", Map.of("plan", "pro", "id", "ignored"))
            .event("purchased", Map.of("product", "Anvil"))
            .trigger(Map.of("reset_url", "https://acme.test/r"))
            .objects(Map.of("courses", List.of(Map.of("name", "Liquid 101"))))
            .journey(Map.of("order_total", 12))
            .with("campaign", Map.of("name", "Onboarding"))
            .build();
    assertThat(
            render(
                "{{customer.id}} {{customer.email}} {{customer.cio_id}} {{customer.plan}} "
                    + "{{event_name}} {{event.product}} {{trigger.reset_url}} "
                    + "{{objects.courses[0].name}} {{journey.order_total}} {{campaign.name}}",
                vars))
        .isEqualTo(
            "42 ada@example.test cio_9 pro purchased Anvil https://acme.test/r Liquid 101 12 Onboarding");
  }

  @Test
  void unsetNamespacesAndNullIdsAreAbsent() {
    RenderVariables vars = RenderVariables.builder().customer(null, null, null, Map.of()).build();
    assertThat(vars.asMap()).containsOnlyKeys("customer");
    assertThat((Map<?, ?>) vars.asMap().get("customer")).isEmpty();
    assertThatThrownBy(() -> render("{{ event.x }}", vars))
        .hasMessage("body line 1: event.x is not defined");
  }

  @Test
  void isADeepImmutableCopy() {
    Map<String, Object> attributes = new HashMap<>();
    List<Object> tags = new ArrayList<>(List.of("a"));
    attributes.put("tags", tags);
    attributes.put("nothing", null);
    attributes.put("since", Instant.EPOCH);
    RenderVariables vars = RenderVariables.builder().customer("1", null, null, attributes).build();
    tags.add("b");
    attributes.put("late", "x");

    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) vars.asMap().get("customer");
    assertThat(customer.get("tags")).isEqualTo(List.of("a"));
    assertThat(customer).containsKey("nothing").doesNotContainKey("late");
    assertThat(customer.get("since")).isEqualTo(Instant.EPOCH);
    assertThatThrownBy(() -> vars.asMap().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) customer.get("tags")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
