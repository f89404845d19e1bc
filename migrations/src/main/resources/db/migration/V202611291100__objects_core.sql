-- Custom objects (objects module): object types, objects, person<->object relationships and
-- (a Herald extension) directed object->object relationships. People are referenced by their
-- stable cio_id only: no foreign key into the people module's tables.

-- Object types per workspace. type_id is Customer.io's object_type_id ("1", "2", ...), stored as a
-- number and shown as a string.
CREATE TABLE objects_type (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT       NOT NULL,
  type_id       INT          NOT NULL,
  name          VARCHAR(255) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_objects_type_workspace (workspace_id, type_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Per-workspace settings of the module; max_types overrides herald.objects.max-types-per-workspace
-- when set.
CREATE TABLE objects_workspace_settings (
  workspace_id  BIGINT NOT NULL,
  max_types     INT    NULL,
  PRIMARY KEY (workspace_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Objects: (type, object_id) unique per workspace, plus Herald's stable cio_object_id. Attributes
-- are a JSON document, with the Unix second each attribute was last set beside it.
CREATE TABLE objects_object (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id          BIGINT       NOT NULL,
  type_id               INT          NOT NULL,
  object_id             VARCHAR(150) NOT NULL,
  cio_object_id         VARCHAR(32)  NOT NULL,
  attributes            LONGTEXT     NOT NULL,
  attribute_timestamps  LONGTEXT     NOT NULL,
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  version               BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY ux_objects_object_key (workspace_id, type_id, object_id),
  UNIQUE KEY ux_objects_object_cio (workspace_id, cio_object_id),
  CONSTRAINT fk_objects_object_type FOREIGN KEY (workspace_id, type_id)
    REFERENCES objects_type (workspace_id, type_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A person's relationship to an object, with the relationship's own attributes.
CREATE TABLE objects_person_relationship (
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT      NOT NULL,
  object_pk      BIGINT      NOT NULL,
  person_cio_id  VARCHAR(32) NOT NULL,
  attributes     LONGTEXT    NOT NULL,
  created_at     DATETIME(3) NOT NULL,
  updated_at     DATETIME(3) NOT NULL,
  version        BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY ux_objects_person_rel (object_pk, person_cio_id),
  KEY ix_objects_person_rel_person (workspace_id, person_cio_id),
  CONSTRAINT fk_objects_person_rel_object FOREIGN KEY (object_pk)
    REFERENCES objects_object (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A directed relationship from a parent object to a child object, with attributes.
CREATE TABLE objects_object_relationship (
  id            BIGINT      NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT      NOT NULL,
  parent_pk     BIGINT      NOT NULL,
  child_pk      BIGINT      NOT NULL,
  attributes    LONGTEXT    NOT NULL,
  created_at    DATETIME(3) NOT NULL,
  updated_at    DATETIME(3) NOT NULL,
  version       BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY ux_objects_object_rel (parent_pk, child_pk),
  KEY ix_objects_object_rel_child (child_pk),
  CONSTRAINT fk_objects_object_rel_parent FOREIGN KEY (parent_pk)
    REFERENCES objects_object (id) ON DELETE CASCADE,
  CONSTRAINT fk_objects_object_rel_child FOREIGN KEY (child_pk)
    REFERENCES objects_object (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
