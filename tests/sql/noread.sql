-- lede-test: noread
-- Loaded through sqlite3_lede_noread_init: everything but reading files.
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(path) VALUES ('samples/eu-ai-fine.txt');
INSERT INTO articles(source, raw) VALUES ('a', 'Headline Of Note

Text here. More text.');
SELECT id, source, title, words FROM articles;
-- without file reading, corpora may be used in views and triggers
CREATE VIEW titles AS SELECT title FROM articles;
SELECT * FROM titles;
