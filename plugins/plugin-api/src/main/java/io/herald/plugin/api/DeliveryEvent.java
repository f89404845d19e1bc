package io.herald.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a provider reports about a message it accepted earlier, found in an {@link
 * InboundCallback}. The host finds the delivery by {@link #providerMessageId()} (the id the
 * provider returned in {@link DeliveryResult#accepted}) within the callback's workspace, records
 * the event once per delivery and kind, and ignores ids it does not know. Build one with the
 * factories below.
 *
 * <p>Since 1.4.0 a provider can also report what a recipient did on the channel itself, with no
 * message involved ({@link Kind#UNSUBSCRIBED}, {@link Kind#RESUBSCRIBED}, {@link Kind#REPLIED}: an
 * SMS "STOP", "START" or any other reply, an inbound WhatsApp message). Those carry an empty
 * provider message id (or the id of the inbound message) and the sender's address as {@link
 * #recipient()}; the host finds the person by that address on the callback's channel (a phone
 * number for SMS and WhatsApp).
 *
 * @param providerMessageId the provider's message id, as returned by {@link ChannelProvider#send}
 * @param kind what happened
 * @param permanent for {@link Kind#BOUNCED}: whether the address will never accept mail (a hard
 *     bounce); false for every other kind
 * @param recipient the recipient the event is about, empty when the report does not say
 * @param detail a one-line explanation for operators (a bounce's diagnostic, a complaint's feedback
 *     type), without secrets; empty for none
 * @param url for {@link Kind#CLICKED}: the link followed; empty otherwise
 * @param occurredAt when it happened, as the report says, else when the callback arrived
 * @since 1.2.0
 */
public record DeliveryEvent(
    String providerMessageId,
    Kind kind,
    boolean permanent,
    String recipient,
    String detail,
    String url,
    Instant occurredAt) {

  /** What a provider can report. */
  public enum Kind {
    /** The recipient's server accepted the message. */
    DELIVERED,
    /** The message came back; see {@link DeliveryEvent#permanent()}. */
    BOUNCED,
    /** The recipient marked the message as spam (a feedback loop or ARF report). */
    COMPLAINED,
    /** The provider gave up on the message for a reason other than a bounce. */
    FAILED,
    /** The recipient opened the message (the provider's own open tracking). */
    OPENED,
    /** The recipient followed a link (the provider's own click tracking). */
    CLICKED,
    /**
     * The recipient asked to receive nothing more on this channel (an SMS "STOP"): the host turns
     * the person's subscription for the channel off (since 1.4.0).
     */
    UNSUBSCRIBED,
    /**
     * The recipient asked to receive messages again (an SMS "START"): the host turns the person's
     * subscription for the channel back on (since 1.4.0).
     */
    RESUBSCRIBED,
    /**
     * The recipient sent a message; {@link DeliveryEvent#detail()} is its text: the host records it
     * as a person event (since 1.4.0).
     */
    REPLIED
  }

  /** Requires the id, the kind and the time; other nulls become empty values. */
  public DeliveryEvent {
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
    permanent = kind == Kind.BOUNCED && permanent;
    recipient = recipient == null ? "" : recipient;
    detail = detail == null ? "" : detail;
    url = url == null ? "" : url;
  }

  /** The recipient's server accepted the message. */
  public static DeliveryEvent delivered(String providerMessageId, String recipient, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.DELIVERED, false, recipient, "", "", at);
  }

  /**
   * The message bounced.
   *
   * @param permanent true for a hard bounce (status 5.x.x), false for a soft one (4.x.x)
   * @param detail the diagnostic, for example {@code "smtp; 550 5.1.1 user unknown"}
   */
  public static DeliveryEvent bounced(
      String providerMessageId, String recipient, boolean permanent, String detail, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.BOUNCED, permanent, recipient, detail, "", at);
  }

  /** The recipient complained (marked the message as spam). */
  public static DeliveryEvent complained(
      String providerMessageId, String recipient, String detail, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.COMPLAINED, false, recipient, detail, "", at);
  }

  /** The provider gave up on the message. */
  public static DeliveryEvent failed(
      String providerMessageId, String recipient, String detail, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.FAILED, false, recipient, detail, "", at);
  }

  /** The recipient opened the message. */
  public static DeliveryEvent opened(String providerMessageId, String recipient, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.OPENED, false, recipient, "", "", at);
  }

  /** The recipient followed {@code url}. */
  public static DeliveryEvent clicked(
      String providerMessageId, String recipient, String url, Instant at) {
    return new DeliveryEvent(providerMessageId, Kind.CLICKED, false, recipient, "", url, at);
  }

  /**
   * The sender asked to receive nothing more on this channel (an SMS "STOP").
   *
   * @param sender the address the request came from (an E.164 number)
   * @param detail what they sent, for example {@code "STOP"}
   * @param at when it arrived
   * @return the event
   * @since 1.4.0
   */
  public static DeliveryEvent unsubscribed(String sender, String detail, Instant at) {
    return new DeliveryEvent("", Kind.UNSUBSCRIBED, false, sender, detail, "", at);
  }

  /**
   * The sender asked to receive messages again (an SMS "START").
   *
   * @param sender the address the request came from
   * @param detail what they sent
   * @param at when it arrived
   * @return the event
   * @since 1.4.0
   */
  public static DeliveryEvent resubscribed(String sender, String detail, Instant at) {
    return new DeliveryEvent("", Kind.RESUBSCRIBED, false, sender, detail, "", at);
  }

  /**
   * The sender sent a message on the channel.
   *
   * @param inboundMessageId the provider's id of the inbound message, empty when it has none
   * @param sender the address the message came from
   * @param text the message's text (a media message: its caption or a word about its kind)
   * @param at when it arrived
   * @return the event
   * @since 1.4.0
   */
  public static DeliveryEvent replied(
      String inboundMessageId, String sender, String text, Instant at) {
    return new DeliveryEvent(inboundMessageId, Kind.REPLIED, false, sender, text, "", at);
  }
}
