-- With file reading (the default entry point) a corpus is DIRECTONLY: a view
-- or trigger in someone else's database cannot make it read files.
CREATE VIRTUAL TABLE articles USING lede;
INSERT INTO articles(source, raw) VALUES ('a', 'Text here.');
CREATE VIEW titles AS SELECT title FROM articles;
SELECT * FROM titles;
CREATE TABLE inbox(path TEXT);
CREATE TRIGGER load_inbox AFTER INSERT ON inbox BEGIN
  INSERT INTO articles(path) VALUES (new.path);
END;
INSERT INTO inbox VALUES ('samples/eu-ai-fine.txt');
SELECT count(*) FROM articles;
-- the derived tables are innocuous and work in views
CREATE VIEW s AS SELECT text FROM sentences('One. Two.');
SELECT * FROM s;
