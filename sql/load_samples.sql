-- load_samples.sql — make the corpus `articles` from every samples/*.txt.
-- Needs the sqlite3 shell (its fsdir() lists the folder) and the extension:
--   sqlite3 my.db -cmd '.load ./build/lede' '.read sql/load_samples.sql'
CREATE VIRTUAL TABLE IF NOT EXISTS articles USING lede;
INSERT OR REPLACE INTO articles(path)
  SELECT name FROM fsdir('samples') WHERE name LIKE '%.txt' ORDER BY name;
