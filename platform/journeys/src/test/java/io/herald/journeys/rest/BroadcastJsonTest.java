package io.herald.journeys.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.journeys.api.ApiTriggerView;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BroadcastJsonTest {

  private static BroadcastRequest parse(String json) {
    return BroadcastJson.request(Json.object(json));
  }

  @Test
  void readsEachWayToSend() {
    BroadcastRequest now = parse("{'segment_id':7}");
    assertThat(now.segmentId()).isEqualTo(7);
    assertThat(now.data()).isEmpty();
    assertThat(now.sendAt()).isNull();
    assertThat(now.localTime()).isNull();
    assertThat(now.perMinute()).isNull();

    BroadcastRequest at =
        parse("{'segment_id':7,'send_at':1900000000,'per_minute':250,'data':{'issue':'X'}}");
    assertThat(at.sendAt()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
    assertThat(at.perMinute()).isEqualTo(250);
    assertThat(at.data().getString("issue")).isEqualTo("X");

    BroadcastRequest local = parse("{'segment_id':7,'local_time':'2026-12-24T09:00'}");
    assertThat(local.localTime()).isEqualTo(LocalDateTime.parse("2026-12-24T09:00"));
    assertThat(parse("{'segment_id':7,'send_at':null,'local_time':null}").sendAt()).isNull();
  }

  @Test
  void refusesBadFieldsNamingEachOne() {
    assertThatThrownBy(
            () ->
                parse(
                    "{'segment_id':-1,'data':'x','send_at':1.5,'local_time':'tomorrow',"
                        + "'per_minute':1000001,'when':'now'}"))
        .isInstanceOf(InvalidJourneyException.class)
        .satisfies(
            e ->
                assertThat(((InvalidJourneyException) e).problems())
                    .containsExactlyInAnyOrder(
                        "when: unknown field",
                        "segment_id: must be a positive whole number",
                        "data: must be an object",
                        "send_at: must be a whole number of seconds since 1970-01-01T00:00:00Z",
                        "local_time: must be a local date and time like 2026-12-24T09:00",
                        "per_minute: must be a whole number from 1 to 1000000"));
    assertThatThrownBy(() -> parse("{}")).hasMessageContaining("segment_id: required");
    assertThatThrownBy(() -> parse("{'segment_id':99999999999999999999}"))
        .hasMessageContaining("segment_id: must be a positive whole number");
    assertThatThrownBy(
            () -> parse("{'segment_id':1,'send_at':1900000000,'local_time':'2030-01-01T09:00'}"))
        .hasMessageContaining("send_at and local_time: give one or neither");
    assertThatThrownBy(() -> parse("{'segment_id':1,'local_time':9}"))
        .hasMessageContaining("local_time: must be");
  }

  @Test
  void writesProgressAndCustomerIosTriggerStatus() {
    Instant created = Instant.ofEpochSecond(1_800_000_000L);
    JsonObject b =
        BroadcastJson.broadcast(
            new BroadcastView(
                3,
                9,
                7,
                "sending",
                null,
                LocalDateTime.parse("2026-12-24T09:00"),
                100,
                40,
                true,
                10,
                28,
                2,
                27,
                1,
                created,
                created,
                null));
    assertThat(b.getInt("audience")).isEqualTo(40);
    assertThat(b.getInt("queued")).isEqualTo(10);
    assertThat(b.getInt("sent")).isEqualTo(27);
    assertThat(b.getString("local_time")).isEqualTo("2026-12-24T09:00");
    assertThat(b.isNull("send_at")).isTrue();
    assertThat(b.isNull("finished")).isTrue();
    assertThat(b.getInt("per_minute")).isEqualTo(100);

    JsonObject t = BroadcastJson.trigger(new ApiTriggerView(5, 9, 2, 1, created));
    assertThat(t.getInt("id")).isEqualTo(5);
    assertThat(t.getInt("broadcast_id")).isEqualTo(9);
    assertThat(t.getJsonNumber("created_at").longValue()).isEqualTo(1_800_000_000L);
    assertThat(t.getJsonNumber("processed_at").longValue()).isEqualTo(1_800_000_000L);
  }
}
