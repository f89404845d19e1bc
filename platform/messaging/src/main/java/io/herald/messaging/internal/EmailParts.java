package io.herald.messaging.internal;

/**
 * The Liquid sources of one email: a transactional message's template with the send's overrides
 * applied, or the send's inline content.
 *
 * @param from sender, may be empty (the channel's default)
 * @param replyTo reply address, may be empty
 * @param subject subject
 * @param preheader inbox preview text, may be empty
 * @param body HTML body
 * @param bodyPlain plain body, empty to derive it from the HTML
 */
record EmailParts(
    String from, String replyTo, String subject, String preheader, String body, String bodyPlain) {

  EmailParts {
    from = from == null ? "" : from;
    replyTo = replyTo == null ? "" : replyTo;
    subject = subject == null ? "" : subject;
    preheader = preheader == null ? "" : preheader;
    body = body == null ? "" : body;
    bodyPlain = bodyPlain == null ? "" : bodyPlain;
  }

  /** This template with each non-null override in place of its part. */
  EmailParts with(
      String from,
      String replyTo,
      String subject,
      String preheader,
      String body,
      String bodyPlain) {
    return new EmailParts(
        from != null ? from : this.from,
        replyTo != null ? replyTo : this.replyTo,
        subject != null ? subject : this.subject,
        preheader != null ? preheader : this.preheader,
        body != null ? body : this.body,
        bodyPlain != null ? bodyPlain : this.bodyPlain);
  }
}
