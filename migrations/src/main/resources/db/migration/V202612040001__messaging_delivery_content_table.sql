-- A delivery's rendered content moves out of its row into a table of its own (#5, bench/send T7).
-- The delivery row is updated two or three times on its way out (claimed, sent, delivered…) and
-- each update rewrote a row that carried ~1 KB of compressed content: InnoDB logged 5.9 KB of redo
-- per delivery for the claim and 10.5 KB for the sent update, against 1.6 and 1.3 KB without the
-- content in the row (MariaDB 10.11, 1,000 bulk deliveries of bench/send's 10 KB template). Those
-- megabytes of redo are what a transactional send's commit waited behind while a bulk send ran.
-- The content is written once with the delivery and deleted once it is sent without retention.
-- Same stored format as before (StoredBody: the bytes of COMPRESS()).
CREATE TABLE messaging_delivery_content (
  delivery_pk  BIGINT    NOT NULL,
  content      LONGBLOB  NOT NULL,
  PRIMARY KEY (delivery_pk),
  CONSTRAINT fk_messaging_delivery_content FOREIGN KEY (delivery_pk)
    REFERENCES messaging_delivery (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO messaging_delivery_content (delivery_pk, content)
  SELECT id, content FROM messaging_delivery WHERE content IS NOT NULL;

ALTER TABLE messaging_delivery DROP COLUMN content;
