-- A delivery's rendered content is stored compressed (#5, bench/send): the bytes of MySQL's and
-- MariaDB's COMPRESS() (uncompressed length in 4 bytes, low byte first, then a zlib stream), written
-- and read by Herald (messaging StoredBody). A 10 KB template's delivery stored ~20 KB of JSON,
-- escaped into every insert, kept in overflow pages and read back by the sending loop; compressed it
-- is a few KB. Rows stored before are converted here; UNCOMPRESS(content) reads any of them in SQL.
ALTER TABLE messaging_delivery MODIFY content LONGBLOB NULL;
UPDATE messaging_delivery SET content = COMPRESS(content) WHERE content IS NOT NULL;
