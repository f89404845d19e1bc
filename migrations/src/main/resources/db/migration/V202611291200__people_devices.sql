-- Push devices of people (people module). A device token belongs to at most one person of a
-- workspace (adding it to another person moves it). token is the device id as the SDKs send it:
-- APNs tokens are 64 hex characters, FCM registration tokens about 160 characters and Google says
-- they can grow, so 512 leaves headroom (utf8mb4: 2048 bytes, inside InnoDB's 3072-byte key limit).
-- last_used is Unix seconds. attributes is a JSON object of device attributes (device_os,
-- app_version, push_enabled, ...). A person's devices go with the person (ON DELETE CASCADE).
CREATE TABLE people_device (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  person_id     BIGINT        NOT NULL,
  token         VARCHAR(512)  NOT NULL,
  platform      VARCHAR(16)   NOT NULL,
  last_used     BIGINT        NOT NULL,
  attributes    LONGTEXT      NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  version       BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY ux_people_device_token (workspace_id, token),
  KEY ix_people_device_person (person_id),
  CONSTRAINT fk_people_device_person FOREIGN KEY (person_id) REFERENCES people_person (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
