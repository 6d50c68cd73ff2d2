-- entities.sql — the most mentioned entities of each type in the corpus
-- `articles`, with the number of articles that name them and how they were
-- written.   sqlite3 my.db -cmd '.load ./build/lede' '.read sql/reports/entities.sql'
-- Names are canonical ('Altman' and 'Sam Altman' count together); teach
-- more with articles_alias, then INSERT INTO articles(articles) VALUES ('rebuild').
.mode box
.print 'Most mentioned entities per type (top 5)'
WITH counts AS (
  SELECT type, entity, count(*) AS mentions, count(DISTINCT article_id) AS articles,
         group_concat(DISTINCT mention) AS written
    FROM entity_mentions
   WHERE type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'PRODUCT')
   GROUP BY type, entity),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY type ORDER BY mentions DESC, articles DESC, entity) AS r
    FROM counts)
SELECT type, entity, mentions, articles,
       CASE WHEN length(written) > 40 THEN substr(written, 1, 39) || '…' ELSE written END AS written_as
  FROM ranked
 WHERE r <= 5
 ORDER BY CASE type WHEN 'PERSON' THEN 1 WHEN 'ORG' THEN 2 WHEN 'GPE' THEN 3 WHEN 'LOC' THEN 4 ELSE 5 END,
          r;
.print 'Largest amounts of money'
SELECT value, mention, article_id
  FROM entity_mentions
 WHERE type = 'MONEY'
 ORDER BY CAST(substr(value, 1, instr(value, ' ') - 1) AS REAL) DESC, article_id
 LIMIT 5;
