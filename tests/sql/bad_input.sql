-- Bad input gets a named error or a sensible row, never a crash, never a
-- half-stored article (issue 2).
CREATE VIRTUAL TABLE articles USING lede;

-- invalid UTF-8: stored byte-exact in raw, processed with U+FFFD
INSERT INTO articles(source, raw) VALUES ('bad-utf8', CAST(x'4361666520ff20697320676f6f642e' AS TEXT));
SELECT id, title, body, words, hex(raw) FROM articles WHERE source = 'bad-utf8';
INSERT INTO articles(path) VALUES ('tests/data/latin1.txt');
SELECT title, byline, body FROM articles WHERE source = 'tests/data/latin1.txt';

-- NUL bytes inside raw: the whole value is read, not up to the NUL
INSERT INTO articles(source, raw) VALUES ('nul', CAST(x'4f6e652e00054f6e6520747761732e2054776f2e' AS TEXT));
SELECT body, words, length(CAST(raw AS BLOB)) FROM articles WHERE source = 'nul';

-- empty and whitespace-only documents are sensible empty rows
INSERT INTO articles(source, raw) VALUES ('empty', '');
INSERT INTO articles(source, raw) VALUES ('blank', '   

	  ');
SELECT source, title, quote(body), words FROM articles WHERE source IN ('empty', 'blank') ORDER BY id;
SELECT count(*) FROM sentences WHERE article_id IN (SELECT id FROM articles WHERE source IN ('empty', 'blank'));

-- raw given as a blob is kept as a blob
INSERT INTO articles(source, raw) VALUES ('blob', x'48656c6c6f2e');
SELECT body, typeof(raw) FROM articles WHERE source = 'blob';

-- unreadable paths are errors naming the path and the reason
INSERT INTO articles(path) VALUES ('tests/data/no-such-file.txt');
INSERT INTO articles(path) VALUES ('tests/data');
INSERT INTO articles(path) VALUES ('tests/data/binary.gif');
INSERT INTO articles(path) VALUES (42);

-- unbalanced quotes are just text
INSERT INTO articles(source, raw) VALUES ('quotes', '"He said “it works and ‘then'' never closed.');
SELECT body FROM articles WHERE source = 'quotes';

-- ROLLBACK leaves no trace
BEGIN;
INSERT INTO articles(source, raw) VALUES ('rolled-back', 'This will vanish. Entirely.');
SELECT count(*) FROM articles WHERE source = 'rolled-back';
ROLLBACK;
SELECT count(*) FROM articles WHERE source = 'rolled-back';
SELECT count(*) FROM sentences WHERE text LIKE '%vanish%';
SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'vanish';

-- INSERT ... SELECT where one row fails: the statement leaves nothing
CREATE TABLE incoming(source, raw);
INSERT INTO incoming VALUES ('in-1', 'First new article.'), ('in-2', 'Second new article.'),
  ('quotes', 'Duplicate source fails.'), ('in-4', 'Never reached.');
SELECT count(*) FROM articles;
INSERT INTO articles(source, raw) SELECT source, raw FROM incoming;
SELECT count(*) FROM articles;
SELECT count(*) FROM sentences WHERE text LIKE '%new article%';
BEGIN;
INSERT INTO articles(source, raw) SELECT source, raw FROM incoming;
SELECT count(*) FROM articles;
COMMIT;
SELECT count(*) FROM articles;
SELECT count(*) FROM sentences WHERE text LIKE '%new article%';
INSERT OR IGNORE INTO articles(source, raw) SELECT source, raw FROM incoming;
SELECT source FROM articles WHERE source LIKE 'in-%' ORDER BY source;

-- a large document (about 50 MB) is stored whole and split
INSERT INTO articles(source, raw)
  SELECT 'huge', 'Big Report Title' || char(10) || char(10) || replace(printf('%.*c', 750000, 'x'), 'x',
         'The council met again and talked about the budget for a long time. ');
SELECT title, length(body), words > 9000000 FROM articles WHERE source = 'huge';
SELECT count(*) FROM sentences WHERE article_id = (SELECT id FROM articles WHERE source = 'huge');
DELETE FROM articles WHERE source = 'huge';
SELECT count(*) FROM articles_sentence;
INSERT INTO articles(articles) VALUES ('integrity-check');

-- corpus names that need quoting
CREATE VIRTUAL TABLE "my table" USING lede;
INSERT INTO "my table"(source, raw) VALUES ('a', 'One. Two.');
SELECT * FROM sentences WHERE corpus = 'my table';
CREATE VIRTUAL TABLE "a'b" USING lede;
INSERT INTO "a'b"(source, raw) VALUES ('a', 'Three. Four.');
SELECT * FROM sentences WHERE corpus = 'a''b';
DELETE FROM "a'b";
SELECT count(*) FROM "a'b_sentence";
DROP TABLE "a'b";
SELECT name FROM sqlite_schema WHERE name LIKE 'a''b%';
SELECT * FROM sentences WHERE corpus = 'nope';
SELECT * FROM sentences WHERE corpus = 42;

-- a blob given to a text form (readfile() returns one) is read as UTF-8:
-- an invalid byte and a NUL become U+FFFD, offsets stay in code points
SELECT idx, text, start, "end" FROM sentences(x'48656c6c6fff2e20e2809c48692ce2809d2073686520736169642e00');
SELECT speaker_mention, cue, quote FROM quotes(x'e2809c497420776f726b732ce2809d204a616e6520526f6520736169642e');
SELECT count(*) FROM entity_mentions(x'');
