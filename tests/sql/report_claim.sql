-- The claim report (sql/reports/claim.sql) on samples/ plus two sentences of our own.
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(path) VALUES ('samples/openai-compute-costs.txt'), ('samples/deepseek-price-war.txt');
INSERT INTO articles(source, raw) VALUES ('note-a', 'Analysts say OpenAI loses $7 billion a year on computing.'),
  ('note-b', 'OpenAI does not lose $7 billion a year, its finance chief said.'),
  ('note-c', 'OpenAI loses $700 million a year, one estimate says.');
.param set :claim 'OpenAI loses $7 billion a year'
.read sql/reports/claim.sql
