-- articles: the corpus module (issue 2). Whole output is compared.
SELECT lede_version();
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(path) VALUES ('samples/ai-startup-funding.txt');
INSERT INTO articles(source, raw) VALUES ('inline.txt', 'Lab Opens New Site

By Jane Roe and John Doe
Published on Jan. 8, 2025

Dr. Smith paid $7.5 billion. U.S. officials said so.

Sign up for our newsletter

Related Articles
Lab closes  Jan 3, 2025');
SELECT id, source, title, published, byline, section, words FROM articles;
SELECT body FROM articles WHERE source = 'inline.txt';
SELECT * FROM sentences WHERE article_id = 2;
SELECT count(*) FROM sentences;
SELECT substr(a.body, s.start + 1, s."end" - s.start) = s.text AS offsets_ok, count(*)
  FROM sentences s JOIN articles a ON a.id = s.article_id GROUP BY 1;

-- a duplicate source is an error naming it; OR REPLACE replaces; OR IGNORE skips
INSERT INTO articles(source, raw) VALUES ('inline.txt', 'Other text.');
INSERT OR IGNORE INTO articles(source, raw) VALUES ('inline.txt', 'Other text.');
SELECT id, source, words FROM articles ORDER BY id;
INSERT OR REPLACE INTO articles(source, raw) VALUES ('inline.txt', 'Replaced text here.');
SELECT id, source, words FROM articles ORDER BY id;
SELECT article_id, idx, text FROM sentences WHERE article_id = 2;
SELECT count(*) FROM articles_sentence WHERE article_id = 2;

-- UPDATE of raw re-extracts; derived columns are not writable
UPDATE articles SET raw = 'New Headline Here

Body sentence one. Body sentence two.' WHERE id = 2;
SELECT id, title, body, words FROM articles WHERE id = 2;
SELECT idx, text FROM sentences WHERE article_id = 2;
UPDATE articles SET title = 'x' WHERE id = 2;
UPDATE articles SET source = 'renamed.txt' WHERE id = 2;
UPDATE articles SET source = 'samples/ai-startup-funding.txt' WHERE id = 2;
SELECT id, source FROM articles ORDER BY id;
UPDATE articles SET id = 9 WHERE id = 2;

-- DELETE removes everything derived
DELETE FROM articles WHERE id = 2;
SELECT count(*) FROM articles;
SELECT count(*) FROM articles_sentence WHERE article_id = 2;
SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'sentence';

-- the FTS index follows every change
SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'larkspur';
INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');
INSERT INTO articles(articles) VALUES ('integrity-check');

-- rebuild re-extracts every stored document
INSERT INTO articles(articles) VALUES ('rebuild');
SELECT id, title, words FROM articles;
INSERT INTO articles(articles) VALUES ('optimize');

-- lookups by id and source use the index
SELECT id FROM articles WHERE id = 1;
SELECT id FROM articles WHERE source = 'samples/ai-startup-funding.txt';
SELECT count(*) FROM articles WHERE id = 42;

-- missing input
INSERT INTO articles(source) VALUES ('nothing.txt');
INSERT INTO articles(raw) VALUES ('text without a source');
INSERT INTO articles(source, raw, title) VALUES ('t.txt', 'x', 'A title');
INSERT INTO articles(source, raw) VALUES (x'00ff', 'x');
CREATE VIRTUAL TABLE bad USING lede(tokenize);

-- options: a search-only corpus skips quotes and entities
CREATE VIRTUAL TABLE lean USING lede(quotes = off, entities = 'off');
INSERT INTO lean(source, raw) VALUES ('q', '“It works,” said Jane Roe, chief executive of Acme Inc.');
SELECT (SELECT count(*) FROM sentences WHERE corpus = 'lean'), (SELECT count(*) FROM quotes WHERE corpus = 'lean'),
       (SELECT count(*) FROM entity_mentions WHERE corpus = 'lean');
SELECT key, value FROM lean_config ORDER BY key;
CREATE VIRTUAL TABLE bad2 USING lede(quotes = maybe);
