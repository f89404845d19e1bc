-- Provider callbacks (#5): bounces, complaints and delivery reports posted by channel providers.

-- callback_token: the capability in a setting's callback URL ({herald.public-url}/callbacks/{token});
-- 43 URL-safe base64 characters from 32 random bytes, set when the setting is first saved (rows
-- saved before this migration get one the next time settings are listed) and kept afterwards.
ALTER TABLE messaging_channel
  ADD COLUMN callback_token VARCHAR(64) NULL,
  ADD UNIQUE KEY uq_messaging_channel_callback (callback_token);

-- A provider's events name the message by the id the provider returned; they are matched within
-- the workspace of the setting whose callback URL received them.
ALTER TABLE messaging_delivery
  ADD KEY ix_messaging_delivery_provider (workspace_id, provider_message_id);
