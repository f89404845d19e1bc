-- Non-email channels (#5, #7): SMS, push, WhatsApp and in-app content of transactional messages, and
-- what a provider answered when it accepted a delivery.

-- The channel's fields of a transactional message that is not an email, as JSON (SMS: body; push:
-- title, message, image_url, link, sound, custom_data, custom_payload; WhatsApp: body or template;
-- in-app: title, message, type, buttons, image_url). NULL for email messages, whose fields have columns.
ALTER TABLE messaging_transactional
  ADD COLUMN channel_content LONGTEXT NULL;

-- Fields of the provider's answer kept when it accepted the message (DeliveryResult.Accepted.response,
-- plugin API 1.4.0), as a JSON object: a webhook's status and body, which journeys branch on.
ALTER TABLE messaging_delivery
  ADD COLUMN response LONGTEXT NULL;
