-- cooccurrence.sql — pairs of entities named in the same sentence, most
-- frequent first (people, organisations, places, products).
--   sqlite3 my.db -cmd '.load ./build/lede' '.read sql/reports/cooccurrence.sql'
-- For one entity: add `AND (a.entity = 'DeepSeek' OR b.entity = 'DeepSeek')`.
.mode box
.print 'Entities named in the same sentence (top 15 pairs)'
WITH names AS (
  SELECT DISTINCT article_id, sentence_idx, entity, type
    FROM entity_mentions
   WHERE type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'PRODUCT'))
SELECT a.entity || ' (' || a.type || ')' AS entity_a,
       b.entity || ' (' || b.type || ')' AS entity_b,
       count(*) AS sentences,
       count(DISTINCT a.article_id) AS articles
  FROM names a
  JOIN names b ON b.article_id = a.article_id AND b.sentence_idx = a.sentence_idx
              AND (a.entity, a.type) < (b.entity, b.type)
 GROUP BY a.entity, a.type, b.entity, b.type
 ORDER BY sentences DESC, articles DESC, entity_a, entity_b
 LIMIT 15;
