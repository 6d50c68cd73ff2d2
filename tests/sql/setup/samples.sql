-- Loads every samples/*.txt into a new corpus 'articles' (read by the report tests).
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(path) VALUES
  ('samples/ai-startup-funding.txt'),
  ('samples/bank-profit-uk.txt'),
  ('samples/benchmark-contamination.txt'),
  ('samples/chip-export-rules.txt'),
  ('samples/city-council-transit-vote.txt'),
  ('samples/county-sheriff-recount.txt'),
  ('samples/deepseek-price-war.txt'),
  ('samples/eu-ai-fine.txt'),
  ('samples/harbour-ferry-fares.txt'),
  ('samples/hospital-ai-notes.txt'),
  ('samples/openai-compute-costs.txt'),
  ('samples/qubit-lifetime-record.txt'),
  ('samples/retail-holiday-returns.txt'),
  ('samples/state-school-budget.txt');
