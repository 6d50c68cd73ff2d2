-- Robustness: 1,000 documents made of hostile pieces (unbalanced quote
-- marks of every style, NUL, U+FFFD, abbreviations, furniture, bullets),
-- from a fixed pseudo-random sequence, through every table and function.
-- Nothing may fail or crash (the sanitizer build runs this too); the
-- counts only show that everything ran.
CREATE VIRTUAL TABLE articles USING lede;
CREATE TABLE piece(id INTEGER PRIMARY KEY, t TEXT);
INSERT INTO piece(t) VALUES ('a'), ('B'), (' '), (char(10)), (char(10, 10)), ('.'), ('"'), ('“'), ('”'), ('‘'),
  ('’'), (''''), ('«'), ('»'), ('„'), ('$'), ('7'), ('%'), ('Mr.'), ('U.S.'), ('said'), ('he'), ('By '),
  ('Jan. 8, 2025'), (char(0)), ('�'), ('-'), ('—'), ('Key Takeaways:'), ('- '), ('Recent News'), ('OpenAI'),
  (','), ('Sign up for our newsletter'), ('…'), ('[Ed.]'), ('Jane Roe'), ('told Reuters'), ('$7.5 billion'),
  ('20 percent'), ('e.g.'), ('(AP) —'), ('  '), ('?!'), ('according to'), ('CEO'), ('Inc.'), ('Dr.'), ('wasn’t');
CREATE TABLE doc AS
  WITH RECURSIVE r(i, x) AS (
    SELECT 0, 20251128
    UNION ALL
    SELECT i + 1, (x * 1103515245 + 12345) % 2147483648 FROM r WHERE i < 60000)
  SELECT i / 60 AS n, group_concat(t, '') AS raw
    FROM (SELECT i, (SELECT t FROM piece WHERE id = 1 + (x / 65536) % 49) AS t FROM r ORDER BY i)
   GROUP BY i / 60;
SELECT count(*), sum(length(raw)) > 100000 FROM doc;
INSERT INTO articles(source, raw) SELECT 'fuzz-' || n, raw FROM doc;
SELECT count(*), sum(words) > 0 FROM articles;
SELECT count(*) > 0 FROM sentences;
SELECT count(*) >= 0 FROM quotes;
SELECT count(*) >= 0 FROM entity_mentions;
SELECT count(*) FROM doc, sentences(doc.raw) WHERE doc.n < 200 AND sentences.text IS NULL;
SELECT count(*) >= 0 FROM doc, quotes(doc.raw) WHERE doc.n < 200;
SELECT count(*) >= 0 FROM doc, entity_mentions(doc.raw) WHERE doc.n < 200;
SELECT count(*) FROM doc WHERE claim_match(substr(raw, 1, 80), raw) NOT BETWEEN 0 AND 1;
SELECT count(*) FROM doc WHERE json_valid(claim_match_explain(substr(raw, 1, 80), raw)) = 0;
SELECT count(*) >= 0 FROM doc, claim_match(substr(doc.raw, 1, 80)) WHERE doc.n < 100;
UPDATE articles SET raw = raw || ' “' WHERE id % 7 = 0;
DELETE FROM articles WHERE id % 5 = 0;
INSERT INTO articles(articles) VALUES ('rebuild');
INSERT INTO articles(articles) VALUES ('integrity-check');
SELECT count(*) FROM articles;
SELECT count(*) FROM articles_sentence WHERE article_id NOT IN (SELECT id FROM articles);
SELECT count(*) FROM articles_quote WHERE article_id NOT IN (SELECT id FROM articles);
SELECT count(*) FROM articles_entity WHERE article_id NOT IN (SELECT id FROM articles);
SELECT count(*) FROM articles_quote q JOIN articles a ON a.id = q.article_id
 WHERE substr(a.body, q.start + 1, q."end" - q.start) <> q.quote;
SELECT count(*) FROM articles_entity e JOIN articles a ON a.id = e.article_id
 WHERE substr(a.body, e.start + 1, e."end" - e.start) <> e.mention;
