package io.herald.journeys.internal;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Trigger;
import io.herald.journeys.api.TriggerDetails;
import io.herald.journeys.api.WebhookReceipt;
import io.herald.journeys.api.WebhookRefusedException;
import io.herald.journeys.api.WebhookRefusedException.Reason;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Inbound webhook triggers: a journey's secret token (256 random bits, only its SHA-256 kept in
 * {@code journeys_webhook}; shown once when created or rotated) and the calls to its URL, which
 * start a run for the person the body's identifier names. The person must exist: a webhook from
 * another system does not create profiles.
 */
final class Webhooks {

  /** Every token starts with this, so a leaked one is recognisable. */
  static final String PREFIX = "hjw_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private record Hook(long journeyId, long workspaceId) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final Entries entries;
  private final Effects effects;

  Webhooks(
      DataSource dataSource, Clock clock, JourneyStore journeys, Entries entries, Effects effects) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.entries = entries;
    this.effects = effects;
  }

  /**
   * A new token for a webhook-triggered journey; the previous one stops working.
   *
   * @throws InvalidJourneyException when the journey is not webhook-triggered
   * @throws JourneyNotFoundException for an unknown id
   */
  String rotate(long ws, long journeyId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Transactions.inTransaction(
        dataSource,
        "journeys webhook",
        c -> {
          StoredJourney j =
              journeys
                  .find(c, ws, journeyId, true)
                  .orElseThrow(() -> new JourneyNotFoundException(journeyId));
          if (j.definition().trigger().type() != Trigger.TriggerType.WEBHOOK) {
            throw new InvalidJourneyException(
                "campaign " + journeyId + " is not triggered by a webhook");
          }
          Sql.update(c, "DELETE FROM journeys_webhook WHERE journey_id = ?", journeyId);
          Sql.update(
              c,
              "INSERT INTO journeys_webhook (journey_id, workspace_id, token_sha256, created_at)"
                  + " VALUES (?, ?, ?, ?)",
              journeyId,
              ws,
              sha256(token),
              clock.instant());
          return null;
        });
    return token;
  }

  /**
   * Starts a run for the person {@code body} names.
   *
   * @throws WebhookRefusedException for an unknown token, a journey that is not active, a body
   *     without the identifier, or an unknown person
   */
  WebhookReceipt receive(String token, JsonObject body) {
    Optional<Hook> hook =
        token == null || !token.startsWith(PREFIX) || token.length() > 100
            ? Optional.empty()
            : Transactions.autoCommit(
                    dataSource,
                    "journeys webhook",
                    c ->
                        Sql.list(
                            c,
                            "SELECT journey_id, workspace_id FROM journeys_webhook"
                                + " WHERE token_sha256 = ?",
                            rs -> new Hook(rs.getLong(1), rs.getLong(2)),
                            sha256(token)))
                .stream()
                .findFirst();
    if (hook.isEmpty()) {
      throw new WebhookRefusedException(Reason.UNKNOWN_TOKEN, "no journey has this webhook URL");
    }
    long ws = hook.get().workspaceId();
    long id = hook.get().journeyId();
    StoredJourney j =
        Transactions.autoCommit(
                dataSource, "journeys webhook", c -> journeys.find(c, ws, id, false))
            .orElseThrow(
                () -> new WebhookRefusedException(Reason.UNKNOWN_TOKEN, "the journey is gone"));
    if (j.state() != JourneyState.ACTIVE
        || j.definition().trigger().type() != Trigger.TriggerType.WEBHOOK) {
      throw new WebhookRefusedException(
          Reason.NOT_ACTIVE,
          "campaign " + id + " is " + j.state().wire() + ", not an active webhook-triggered one");
    }
    TriggerDetails.WebhookTrigger t = TriggerDetails.webhook(j.definition());
    String identifier = t.find(body);
    if (identifier == null) {
      throw new WebhookRefusedException(
          Reason.NO_IDENTIFIER,
          t.identifier() + ": is required (the person's " + t.idType() + ", a string)");
    }
    String cioId =
        effects
            .cioIdOf(new WorkspaceId(ws), t.idType(), identifier)
            .orElseThrow(
                () ->
                    new WebhookRefusedException(
                        Reason.UNKNOWN_PERSON,
                        t.identifier() + ": no person with " + t.idType() + " " + identifier));
    long run =
        Transactions.inTransaction(
            dataSource,
            "journeys webhook",
            c -> entries.enter(c, j, cioId, body, "webhook", clock.instant()));
    return new WebhookReceipt(id, cioId, run);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
