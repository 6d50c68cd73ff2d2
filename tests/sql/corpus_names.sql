-- Corpus-wide family names: an article that names a person only by the
-- family name takes the full name the rest of the corpus gives.
CREATE VIRTUAL TABLE news USING lede;
-- (Only PERSON mentions take a full name: the tagger's lone 'Whitcombe' as a place stays a place.)
-- 1. Only 'Whitcombe': no full name yet, the lone name stays.
INSERT INTO news(source, raw) VALUES ('a.txt', 'Port Authority Delays Vote

The port authority delayed its vote on Tuesday. “We need another month,” Whitcombe said. Whitcombe has led the board since 2021.');
SELECT article_id, entity, type, mention FROM entity_mentions WHERE corpus = 'news' AND type = 'PERSON' ORDER BY article_id, start;
-- 2. Another article names her in full: the earlier lone mentions and the quote's speaker take the full name.
INSERT INTO news(source, raw) VALUES ('b.txt', 'Harbor Board Picks Chair

The harbor board elected Ingrid Whitcombe as its chair on Monday. Whitcombe promised faster permits.');
SELECT article_id, entity, type, mention FROM entity_mentions WHERE corpus = 'news' AND type = 'PERSON' ORDER BY article_id, start;
SELECT article_id, quote, speaker, speaker_mention FROM quotes WHERE corpus = 'news' ORDER BY article_id, idx;
-- 3. A later article with the lone name takes it at once.
INSERT INTO news(source, raw) VALUES ('c.txt', 'Permit Backlog Shrinks

The backlog of harbor permits fell by a third, said Whitcombe, who chairs the board.');
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 3 AND type = 'PERSON';
SELECT word, entity, articles FROM news_surname ORDER BY word, entity;
-- 4. Two full names with one family name, neither three times as usual as the other: a lone 'Okafor' stays.
INSERT INTO news(source, raw) VALUES ('d.txt', 'Council Race Opens

Daniel Okafor filed papers to run for the council.');
INSERT INTO news(source, raw) VALUES ('e.txt', 'School Board Race

Grace Okafor said she would run for the school board.');
INSERT INTO news(source, raw) VALUES ('f.txt', 'Debate Set

The debate is set for next week, said Okafor, a former teacher.');
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 6 AND type = 'PERSON';
-- 5. Deleting an article takes its full names out of the counts: Daniel Okafor is now the usual Okafor, and the lone mention follows.
DELETE FROM news WHERE source = 'e.txt';
SELECT word, entity, articles FROM news_surname ORDER BY word, entity;
SELECT article_id, word, entity FROM news_fullname ORDER BY article_id, word;
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 6 AND type = 'PERSON';
-- 'rebuild' re-extracts every article against the same counts: nothing changes.
INSERT INTO news(news) VALUES ('rebuild');
SELECT word, entity, articles FROM news_surname ORDER BY word, entity;
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 6 AND type = 'PERSON';
-- Looking a person up by the full name finds the lone mentions too.
SELECT article_id, mention FROM entity_mentions WHERE corpus = 'news' AND entity = 'Ingrid Whitcombe' ORDER BY article_id, start;
-- 6. A lone name follows when another full name becomes the usual one.
INSERT INTO news(source, raw) VALUES ('g.txt', 'Ferry Report

Councillor Tomas Vael asked for a ferry report on Monday.');
INSERT INTO news(source, raw) VALUES ('h.txt', 'Ferry Fares

Ferry fares will rise in May, said Vael, who chairs the transport committee.');
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 8 AND type = 'PERSON';
INSERT INTO news(source, raw) VALUES ('i.txt', 'Harbor Plan

Mayor Ruth Vael presented the harbor plan.');
INSERT INTO news(source, raw) VALUES ('j.txt', 'Harbor Plan Vote

The council backed Mayor Ruth Vael on the harbor plan.');
INSERT INTO news(source, raw) VALUES ('k.txt', 'Harbor Plan Costs

Mayor Ruth Vael said the plan would cost $4 million.');
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 8 AND type = 'PERSON';
SELECT article_id, kind, idx, word, name FROM news_lone ORDER BY article_id, kind, idx;
-- 7. A full name with a middle initial takes the usual full name ('Ingrid M. Whitcombe' -> 'Ingrid Whitcombe').
INSERT INTO news(source, raw) VALUES ('l.txt', 'Board Minutes

The minutes were signed by Ingrid M. Whitcombe on Friday.');
SELECT article_id, entity, mention FROM entity_mentions WHERE corpus = 'news' AND article_id = 12 AND type = 'PERSON';
