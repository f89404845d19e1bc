-- Positions of the consumers of the people module's change feed (people_change in id order, read
-- through io.herald.people.api.PersonChangeFeed): every change with id <= position was handled.
-- inserted_at on people_change tells when a hole in its ids is certainly permanent (the feed never
-- moves past a hole a transaction in flight may still fill).
CREATE TABLE people_change_cursor (
  consumer      VARCHAR(100)  NOT NULL,
  position      BIGINT        NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (consumer)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE people_change
  ADD COLUMN inserted_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);
