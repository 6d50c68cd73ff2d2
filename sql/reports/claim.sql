-- claim.sql — which sentences of the corpus `articles` support a claim, and
-- which contradict it, with their sources.
--   sqlite3 my.db -cmd '.load ./build/lede' \
--     -cmd ".param set :claim 'OpenAI loses \$7 billion a year'" '.read sql/reports/claim.sql'
-- Supporting: score >= 0.5. Contradicting: the text says the opposite
-- (negation, an antonym, another number) of a sentence about the claim.
.mode box
.print 'Supporting'
SELECT round(m.score, 3) AS score, a.source, m.sentence_idx AS sentence, m.sentence
  FROM claim_match(:claim) AS m JOIN articles AS a ON a.id = m.article_id
 WHERE m.stance = 'supports'
 ORDER BY m.score DESC, a.source, m.sentence_idx
 LIMIT 10;
.print 'Contradicting'
WITH m AS (
  SELECT article_id, sentence_idx, sentence, score, claim_match_explain(:claim, sentence) AS j
    FROM claim_match(:claim)
   WHERE stance = 'contradicts'
)
SELECT round(m.score, 3) AS score, a.source, m.sentence_idx AS sentence, m.sentence,
       trim(iif(json_extract(m.j, '$.negation.conflict'), 'negation ', '')
         || iif(json_extract(m.j, '$.antonyms.conflict'), 'antonym ', '')
         || iif(m.j LIKE '%"agreement":"conflict"%', 'number', '')) AS why
  FROM m JOIN articles AS a ON a.id = m.article_id
 ORDER BY m.score DESC, a.source, m.sentence_idx
 LIMIT 10;
