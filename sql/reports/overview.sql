-- overview.sql — what is in the corpus `articles`: one line per article,
-- then the totals.   sqlite3 my.db -cmd '.load ./build/lede' '.read sql/reports/overview.sql'
.mode box
.print 'Articles'
SELECT id,
       CASE WHEN length(title) > 58 THEN substr(title, 1, 57) || '…' ELSE coalesce(title, '(no headline)') END AS title,
       coalesce(published, '') AS published,
       coalesce(byline, '') AS byline,
       coalesce(section, '') AS section,
       words
  FROM articles
 ORDER BY published IS NULL, published, id;
.print 'Totals'
SELECT count(*) AS articles,
       sum(words) AS words,
       (SELECT count(*) FROM sentences) AS sentences,
       (SELECT count(*) FROM quotes) AS quotes,
       (SELECT count(*) FROM entity_mentions) AS mentions,
       min(published) AS first,
       max(published) AS last
  FROM articles;
