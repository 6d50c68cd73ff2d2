-- entity_mentions answers `entity = ?` (and `type = ?` with it) from the
-- shadow index articles_entity_by_name: the same rows as a scan, in the
-- same order, under the user's collation when it is not BINARY.
.read tests/sql/setup/samples.sql
CREATE TEMP TABLE scan AS
  SELECT * FROM entity_mentions WHERE +entity = 'OpenAI' ORDER BY article_id, start;
SELECT count(*) > 0 FROM scan;
SELECT count(*) FROM (SELECT * FROM entity_mentions WHERE entity = 'OpenAI'
                      EXCEPT SELECT * FROM scan);
SELECT count(*) = (SELECT count(*) FROM scan) FROM entity_mentions WHERE entity = 'OpenAI';
SELECT article_id, type, mention, start FROM entity_mentions WHERE entity = 'OpenAI' LIMIT 3;
SELECT type, count(*) FROM entity_mentions WHERE entity = 'OpenAI' AND type = 'ORG';
SELECT count(*) FROM entity_mentions WHERE entity = 'OpenAI' AND type = 'PERSON';
SELECT count(*) = (SELECT count(*) FROM scan) FROM entity_mentions WHERE entity = 'openai' COLLATE NOCASE;
SELECT count(*) FROM entity_mentions WHERE entity = 'openai';
SELECT count(*) FROM entity_mentions WHERE entity = NULL;
SELECT count(*) FROM entity_mentions WHERE entity = 42;
SELECT count(*) FROM entity_mentions WHERE entity = 'OpenAI' AND corpus = 'articles' AND article_id = 1;
-- the plan: 8 = entity, 24 = entity and type, 12 = article_id and entity
EXPLAIN QUERY PLAN SELECT * FROM entity_mentions WHERE entity = 'OpenAI';
EXPLAIN QUERY PLAN SELECT * FROM entity_mentions WHERE entity = 'OpenAI' AND type = 'ORG';
EXPLAIN QUERY PLAN SELECT * FROM entity_mentions WHERE type = 'ORG';
EXPLAIN QUERY PLAN SELECT * FROM entity_mentions WHERE entity = 'x' COLLATE NOCASE;
EXPLAIN QUERY PLAN SELECT * FROM entity_mentions WHERE article_id = 1 AND entity = 'OpenAI';
-- the text form ignores the index
SELECT entity, type FROM entity_mentions('OpenAI hired Sam Altman.') WHERE entity = 'OpenAI';
-- a rename holds from its day on: 'Facebook' is Meta from 2021-10-28, or undated
CREATE VIRTUAL TABLE renamed USING lede;
INSERT INTO renamed(source, raw) VALUES ('old', 'Office Opens in Dunmore

May 2, 2016

Facebook said on Monday it would open an office in Dunmore.'), ('new', 'Office Opens in Dunmore

May 2, 2022

Facebook said on Monday it would open an office in Dunmore.');
SELECT a.source, a.published, m.entity, m.mention FROM entity_mentions m JOIN renamed a ON a.id = m.article_id WHERE m.corpus = 'renamed' AND m.type = 'ORG' ORDER BY a.id;
SELECT entity, mention FROM entity_mentions('Facebook said it would open an office.') WHERE type = 'ORG';
