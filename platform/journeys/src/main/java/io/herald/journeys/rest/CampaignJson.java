package io.herald.journeys.rest;

import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.RunView;
import io.herald.journeys.api.Trigger;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Journeys in Customer.io's campaign shapes, and Herald's runs. */
final class CampaignJson {

  /** Customer.io's delivery metrics, each reported (0 when none). */
  static final List<String> METRICS =
      List.of(
          "attempted",
          "bounced",
          "clicked",
          "converted",
          "created",
          "delivered",
          "drafted",
          "failed",
          "opened",
          "sent",
          "spammed",
          "undeliverable",
          "unsubscribed");

  private CampaignJson() {}

  /** A campaign id from the path; empty when it is not a positive number (→ 404). */
  static OptionalLong id(String text) {
    try {
      long id = Long.parseLong(text);
      return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Customer.io's state for Herald's. */
  static String state(JourneyState s) {
    return switch (s) {
      case DRAFT -> "draft";
      case ACTIVE -> "running";
      case PAUSED -> "stopped";
      default -> "archived";
    };
  }

  static JsonObject campaign(JourneyView j) {
    JourneyDefinition d = j.definition();
    JsonArrayBuilder actions = Jsons.createArrayBuilder();
    JsonArrayBuilder templates = Jsons.createArrayBuilder();
    for (Node n : d.nodes().values()) {
      actions.add(Jsons.createObjectBuilder().add("id", n.id()).add("type", actionType(n)));
      if (n.type().sends()) {
        templates.add(Jsons.createObjectBuilder().add("id", n.id()).add("type", actionType(n)));
      }
    }
    JsonArrayBuilder triggerSegments = Jsons.createArrayBuilder();
    if (d.trigger().type() == Trigger.TriggerType.SEGMENT) {
      triggerSegments.add(d.trigger().segmentId());
    }
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", j.id())
            .add("deduplicate_id", j.id() + ":" + j.updatedAt().getEpochSecond())
            .add("name", j.name())
            .add("type", type(d.trigger()))
            .add("state", state(j.state()))
            .add("active", j.state() == JourneyState.ACTIVE)
            .add("herald_state", j.state().wire())
            .add("version", j.version())
            .add("created", j.createdAt().getEpochSecond())
            .add("updated", j.updatedAt().getEpochSecond())
            .add("first_started", seconds(j.firstStartedAt()))
            .add("created_by", "api")
            .add("tags", Jsons.createArrayBuilder())
            .add("actions", actions)
            .add("msg_templates", templates)
            .add("trigger_segment_ids", triggerSegments)
            .add("filter_segment_ids", Jsons.createArrayBuilder());
    if (d.trigger().type() == Trigger.TriggerType.EVENT) {
      b.add("event_name", d.trigger().event());
    }
    return b.build();
  }

  static JsonObject action(JourneyView j, Node n) {
    JsonObject s = n.settings();
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", n.id())
            .add("campaign_id", j.id())
            .add("parent_action_id", JsonValue.NULL)
            .add("deduplicate_id", n.id() + ":" + j.updatedAt().getEpochSecond())
            .add("name", n.id())
            .add("type", actionType(n))
            .add("herald_type", n.type().wire())
            .add("created", j.createdAt().getEpochSecond())
            .add("updated", j.updatedAt().getEpochSecond())
            .add("settings", s)
            .add("next", Jsons.createObjectBuilder(new java.util.LinkedHashMap<>(n.next())));
    if (n.type().sends()) {
      b.add("sending_state", "automatic");
      for (String[] k :
          new String[][] {
            {"subject", "subject"}, {"body", "body"}, {"from", "from"}, {"reply_to", "reply_to"}
          }) {
        b.add(k[1], s.containsKey(k[0]) ? s.get(k[0]) : JsonValue.NULL);
      }
    }
    return b.build();
  }

  static JsonObject metrics(JourneyMetrics m) {
    JsonObjectBuilder series = Jsons.createObjectBuilder();
    for (String metric : METRICS) {
      long value = m.messages().getOrDefault(metric, 0L);
      if (metric.equals("converted")) {
        value = m.converted();
      }
      series.add(metric, Jsons.createArrayBuilder().add(value));
    }
    return Jsons.createObjectBuilder()
        .add("metric", Jsons.createObjectBuilder().add("series", series))
        .add(
            "journey",
            Jsons.createObjectBuilder()
                .add("entered", m.entered())
                .add("active", m.active())
                .add("completed", m.completed())
                .add("exited", m.exited())
                .add("converted", m.converted()))
        .build();
  }

  static JsonObject run(RunView r, boolean withSteps) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", r.id())
            .add("campaign_id", r.journeyId())
            .add("version", r.version())
            .add("cio_id", r.cioId())
            .add("state", r.state())
            .add("node", r.node() == null ? JsonValue.NULL : Jsons.createValue(r.node()))
            .add(
                "exit_reason",
                r.exitReason() == null ? JsonValue.NULL : Jsons.createValue(r.exitReason()))
            .add("entered_at", r.enteredAt().getEpochSecond())
            .add("ended_at", r.endedAt() == null ? JsonValue.NULL : seconds(r.endedAt()))
            .add(
                "converted_at",
                r.convertedAt() == null ? JsonValue.NULL : seconds(r.convertedAt()));
    if (withSteps) {
      JsonArrayBuilder steps = Jsons.createArrayBuilder();
      for (RunView.Step s : r.steps()) {
        steps.add(
            Jsons.createObjectBuilder()
                .add("node", s.node())
                .add("outcome", s.outcome())
                .add("detail", s.detail() == null ? JsonValue.NULL : Jsons.createValue(s.detail()))
                .add("at", s.at().toEpochMilli() / 1000.0));
      }
      b.add("steps", steps);
    }
    return b.build();
  }

  private static JsonValue seconds(Instant at) {
    return Jsons.createValue(at == null ? 0 : at.getEpochSecond());
  }

  private static String type(Trigger t) {
    return switch (t.type()) {
      case EVENT -> "event";
      case SEGMENT -> "segment";
      case DATE -> "date";
      case OBJECT, RELATIONSHIP -> "object";
      case WEBHOOK -> "webhook";
      default -> "triggered_broadcast";
    };
  }

  private static String actionType(Node n) {
    return switch (n.type()) {
      case SEND_EMAIL -> "email";
      // Customer.io's action types: its SMS actions are "twilio".
      case SEND_MESSAGE -> {
        String channel = n.settings().getString("channel", "email");
        yield channel.equals("sms") ? "twilio" : channel;
      }
      case DELAY -> "delay";
      case UPDATE_ATTRIBUTE -> "attribute_update";
      default -> n.type().wire();
    };
  }

  static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response error(Response.Status status, String message) {
    return ApiErrors.app(status, message);
  }
}
