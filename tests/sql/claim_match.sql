-- claim_match: scalar, explanation and table form; bad input gives NULL or a
-- named error, never an FTS5 syntax error (issue 5, 2026-11).
SELECT round(claim_match('DeepSeek released its training data', 'DeepSeek released its training data.'), 3) AS same;
SELECT round(claim_match('DeepSeek released its training data', 'DeepSeek did not release its training data.'), 3) AS negated;
SELECT round(claim_match('OpenAI loses $7 billion a year', 'OpenAI loses 7,000,000,000 dollars a year.'), 3) AS dollars,
       round(claim_match('OpenAI loses $7 billion a year', 'OpenAI loses $7B a year.'), 3) AS b,
       round(claim_match('The fund raised $60 billion', 'The fund raised $600 billion.'), 3) AS tenfold,
       round(claim_match('Prices rose 2%', 'Prices rose 20 percent.'), 3) AS percent;
SELECT round(claim_match('Profits rose in May', 'Profits fell in May.'), 3) AS antonym;
SELECT claim_match_explain('OpenAI loses $7 billion a year', 'OpenAI did not lose $7bn.') AS explain;
-- NULL in, NULL out; numbers read as text; blobs are errors.
SELECT claim_match(NULL, 'x') IS NULL, claim_match('x', NULL) IS NULL, claim_match_explain(NULL, 'x') IS NULL;
SELECT claim_match(42, 'The answer is 42') >= 0;
SELECT claim_match(x'00', 'text');
SELECT claim_match('claim', x'00');
SELECT claim_match_explain('claim', x'00');
SELECT claim_match('', ''), claim_match('...', '...'), claim_match('the of', 'the of');
-- The table form over a corpus.
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(source, raw) VALUES
  ('a', 'Ferry fares will rise by 12% in April. The harbour board approved the rise on Monday.'),
  ('b', 'Ferry fares will not rise this spring, the operator said. Bus fares fell.'),
  ('c', 'The museum closes for renovation in March.');
SELECT article_id, sentence_idx, round(score, 3) AS score, sentence FROM claim_match('Ferry fares will rise by 12%');
SELECT * FROM claim_match('Ferry fares will rise by 12%') LIMIT 1;
SELECT sentence, stance FROM claim_match('Ferry fares will rise') WHERE stance <> 'neutral';
SELECT claim, corpus FROM claim_match('museum renovation');
-- Every FTS5 operator and punctuation is only text.
SELECT count(*) FROM claim_match('fares AND "ferry" OR NEAR(rise, 3) NOT * ^museum col:x - + ( ) {a b}');
SELECT count(*) FROM claim_match('"');
SELECT count(*) FROM claim_match('AND OR NOT NEAR');
SELECT count(*) FROM claim_match('');
SELECT count(*) FROM claim_match(NULL);
SELECT count(*) FROM claim_match('***');
SELECT count(*) FROM claim_match(printf('%.*c', 60000, 'x') || ' ferry');
-- A 10,000-word claim: its heaviest words make the query.
SELECT article_id, sentence_idx FROM claim_match((WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
                                      SELECT group_concat('ferry fares rise in', ' ') FROM n)) LIMIT 2;
SELECT count(*) FROM claim_match(x'00');
SELECT count(*) FROM claim_match(12);
-- Other corpora, quoted names, missing ones.
CREATE VIRTUAL TABLE "my table" USING lede;
INSERT INTO "my table"(source, raw) VALUES ('m', 'Ferry fares will rise by 12% in April.');
SELECT article_id, round(score, 3) FROM claim_match('ferry fares rise 12%', 'my table');
CREATE VIRTUAL TABLE "a'b" USING lede;
SELECT count(*) FROM claim_match('ferry', 'a''b');
SELECT * FROM claim_match('ferry', 'nope');
-- The hidden features column: the inputs of the table form's ranking.
SELECT json_extract(features, '$.rank', '$.chargrams') FROM claim_match('ferry fares rise 12%', 'my table');
SELECT json_extract(features, '$.numbers_agree', '$.negation') FROM claim_match('ferry fares did not rise 12%', 'my table');
SELECT * FROM claim_match('ferry', 3);
SELECT * FROM claim_match;
-- Kept in step with the corpus: deleted articles are not found.
DELETE FROM articles WHERE source = 'a';
SELECT article_id, sentence_idx FROM claim_match('Ferry fares will rise by 12%');
-- Scoring a column reuses the claim's analysis (auxdata) and gives the same answer.
SELECT source, round(claim_match('museum closes for renovation', body), 3) FROM articles ORDER BY source;
