-- who_said_what.sql — who is quoted most in the corpus `articles`, and a
-- few of their words.   sqlite3 my.db -cmd '.load ./build/lede' '.read sql/reports/who_said_what.sql'
-- Speakers are canonical names ('Tsai' and 'he' count for 'Wen-Jie Tsai');
-- quotes with no resolvable speaker are counted apart, never guessed.
.mode box
.print 'Most quoted speakers (top 10)'
SELECT speaker,
       count(*) AS quotes,
       sum(kind = 'direct') AS direct,
       count(DISTINCT article_id) AS articles,
       (SELECT q2.speaker_role FROM quotes AS q2
         WHERE q2.speaker = q.speaker AND q2.speaker_role IS NOT NULL
         ORDER BY q2.article_id, q2.idx LIMIT 1) AS role
  FROM quotes AS q
 WHERE speaker IS NOT NULL
 GROUP BY speaker
 ORDER BY quotes DESC, articles DESC, speaker
 LIMIT 10;
.print 'Quotes by how the speaker was found'
SELECT CASE WHEN speaker IS NULL AND speaker_mention IS NULL THEN 'no speaker'
            WHEN speaker IS NULL THEN 'unnamed or unresolved'
            WHEN confidence <= 0.5 THEN 'from context'
            WHEN lower(speaker_mention) IN ('he', 'she', 'they', 'i', 'we') THEN 'pronoun, resolved'
            ELSE 'named at the verb' END AS found_by,
       count(*) AS quotes
  FROM quotes
 GROUP BY 1
 ORDER BY quotes DESC, found_by;
.print 'A few direct quotes from the top three speakers'
WITH top AS (
  SELECT speaker FROM quotes WHERE speaker IS NOT NULL
   GROUP BY speaker ORDER BY count(*) DESC, count(DISTINCT article_id) DESC, speaker LIMIT 3),
picked AS (
  SELECT q.speaker, q.cue, q.quote, a.source,
         row_number() OVER (PARTITION BY q.speaker ORDER BY q.article_id, q.idx) AS r
    FROM quotes AS q JOIN top USING (speaker) JOIN articles AS a ON a.id = q.article_id
   WHERE q.kind = 'direct')
SELECT speaker, cue,
       CASE WHEN length(quote) > 70 THEN substr(quote, 1, 69) || '…' ELSE quote END AS quote,
       replace(source, 'samples/', '') AS source
  FROM picked
 WHERE r <= 2
 ORDER BY speaker, r;
