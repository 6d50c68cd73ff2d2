// test_claim.cpp — claim.cpp: support, negation, numbers, antonyms,
// entities, evidence, safe FTS5 queries, and the project's labelled set
// tests/data/claims.tsv (>= 95 % right on the 0.5 line).
#include "lede_catch.hpp"

#include "claim.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using lede::analyse_claim;
using lede::score_claim;

namespace {
double score(const std::string &claim, const std::string &text) {
  return score_claim(*analyse_claim(claim), text).score;
}
} // namespace

TEST_CASE("claim: support and paraphrase score at least 0.5") {
  CHECK(score("DeepSeek released its training data", "DeepSeek released its training data.") >= 0.5);
  CHECK(score("OpenAI loses $7 billion a year", "OpenAI is losing $7 billion a year, analysts estimate.") >= 0.5);
  CHECK(score("The council approved the budget", "The budget was approved by the city council on Monday.") >= 0.5);
}

TEST_CASE("claim: a short verb's -ed and -ing forms meet the verb ('sued', 'suing' and 'sues')") {
  // Snowball stems 'sued' and 'suing' as 'su' but 'sues' as 'sue'.
  CHECK(score("Halvard Capital sues Larkspur Labs", "Halvard Capital sued Larkspur Labs on Monday.") >= 0.5);
  CHECK(score("Halvard Capital sues Larkspur Labs", "Halvard Capital is suing Larkspur Labs.") >= 0.5);
  CHECK(score("Halvard Capital sues Larkspur Labs", "Halvard Capital did not sue Larkspur Labs.") < 0.5);
}

TEST_CASE("claim: negation scores below 0.5 however many words are shared") {
  CHECK(score("DeepSeek released its training data", "DeepSeek did not release its training data.") < 0.5);
  CHECK(score("DeepSeek released its training data", "DeepSeek didn't release its training data.") < 0.5);
  CHECK(score("DeepSeek released its training data", "DeepSeek never released its training data.") < 0.5);
  CHECK(score("DeepSeek did not release its training data", "DeepSeek did not release its training data.") >= 0.5);
  CHECK(score("DeepSeek did not release its training data", "DeepSeek released its training data.") < 0.5);
  CHECK(score("The mayor signed the bill", "The mayor denied signing the bill.") < 0.5);
}

TEST_CASE("claim: numbers agree by value, not by spelling") {
  CHECK(score("OpenAI loses $7 billion a year", "OpenAI loses $7B a year.") >= 0.5);
  CHECK(score("OpenAI loses $7 billion a year", "OpenAI loses 7,000,000,000 dollars a year.") >= 0.5);
  CHECK(score("OpenAI loses $7 billion a year", "OpenAI loses $7bn a year.") >= 0.5);
  CHECK(score("The fund raised $60 billion", "The fund raised $600 billion.") < 0.5);
  CHECK(score("Prices rose 2% last year", "Prices rose 20 percent last year.") < 0.5);
  CHECK(score("Prices rose 2% last year", "Prices rose 2 per cent last year.") >= 0.5);
  // Ordinals compare with ordinals only.
  CHECK(score("The 118th Congress passed the bill", "The 117th Congress passed the bill.") < 0.5);
  CHECK(score("The 118th Congress passed the bill", "The 118th Congress passed the bill.") >= 0.5);
  CHECK(score("She finished 2nd in the race", "She finished in 2nd place in the race, with 3 others.") >= 0.5);
}

TEST_CASE("claim: a number conflicts only when it counts the same thing") {
  auto parts = [](const std::string &claim, const std::string &text) {
    return score_claim(*analyse_claim(claim), text);
  };
  // '$20 billion raised' is not the '$7 billion' lost: no conflict.
  auto raised = parts("Kestrel Air could lose $7 billion this year",
                      "Kestrel Air has raised $20 billion and could lose money this year.");
  CHECK(raised.numbers_conflict == 0);
  CHECK(raised.numbers_missing == 1);
  CHECK(raised.stance != lede::Stance::Contradicts);
  // The same words next to another value: a conflict, as before.
  auto lost = parts("Kestrel Air could lose $7 billion this year", "Kestrel Air could lose $9 billion this year.");
  CHECK(lost.numbers_conflict == 1);
  CHECK(lost.score < 0.5);
  // A derived form counts as the same thing ('losses' for 'lose').
  CHECK(parts("Kestrel Air could lose $7 billion", "Kestrel Air expects losses of $9 billion.").numbers_conflict == 1);
  // The value next to the claim's words decides, not any equal value.
  auto costs = parts("Orbis Telecom's revenue grew 8 percent",
                     "Orbis Telecom's revenue grew 12 percent while its costs grew 8 percent.");
  CHECK(costs.numbers_conflict == 1);
  CHECK(costs.score < 0.5);
  CHECK(score("Orbis Telecom's revenue grew 8 percent",
              "Orbis Telecom's costs grew 12 percent while its revenue grew 8 percent.") >= 0.5);
  // A claim quantity with no words beside it compares with every value.
  CHECK(parts("Losses: $7 billion", "It lost $9 billion.").numbers_conflict == 1);
}

TEST_CASE("claim: the day of a date is no quantity") {
  auto parts = [](const std::string &claim, const std::string &text) {
    return score_claim(*analyse_claim(claim), text);
  };
  // 'September 5' says when: it does not conflict with '400 people'.
  auto day = parts("Marta Quill spoke in Dayton on September 5, 2017", "Marta Quill spoke to 400 people in Dayton.");
  CHECK(day.numbers_conflict == 0);
  CHECK(lede::claim_quantities(*analyse_claim("Marta Quill spoke in Dayton on September 5, 2017")).size() == 1);
  CHECK(lede::claim_quantities(*analyse_claim("The vote is on 5 Sept. and 12 March")).empty());
  CHECK(lede::claim_quantities(*analyse_claim("The vote is on Sept. 5th")).empty());
  // Without a capitalised month next to it a small number still counts.
  CHECK(parts("They may 5 times refuse", "They may 3 times refuse.").numbers_conflict == 1);
  CHECK(lede::claim_quantities(*analyse_claim("The clinic saw 5 patients in September")).size() == 1);
  CHECK(parts("The clinic saw 5 patients", "The clinic saw 7 patients.").numbers_conflict == 1);
}

TEST_CASE("claim: antonyms contradict unless negated") {
  CHECK(score("Profits rose in the third quarter", "Profits fell in the third quarter.") < 0.5);
  CHECK(score("The court approved the merger", "The court rejected the merger.") < 0.5);
  auto r = score_claim(*analyse_claim("Profits rose in the third quarter"), "Profits fell in the third quarter.");
  CHECK(r.antonym_conflict);
  CHECK(r.stance == lede::Stance::Contradicts);
}

TEST_CASE("claim: a different name is not support") {
  CHECK(score("OpenAI loses $7 billion a year", "Anthropic loses $7 billion a year.") < 0.5);
}

TEST_CASE("claim: unrelated text scores low, empty claims score 0") {
  CHECK(score("OpenAI loses $7 billion a year", "The ferry timetable changes in June.") < 0.2);
  CHECK(score("", "anything") == 0);
  CHECK(score("!!! ... ???", "anything") == 0);
  CHECK(score("the of and", "the of and") == 0);
}

TEST_CASE("claim: explanation is JSON naming matched and missing terms") {
  std::string j = lede::explain_claim(*analyse_claim("OpenAI loses $7 billion a year"),
                                      "OpenAI did not lose $7bn.");
  CHECK(j.find("\"matched\":[{\"term\":\"openai\"") != std::string::npos);
  CHECK(j.find("\"missing\":[\"year\"]") != std::string::npos);
  CHECK(j.find("\"agreement\":\"agree\"") != std::string::npos);
  CHECK(j.find("\"negation\":{\"conflict\":true") != std::string::npos);
}

TEST_CASE("claim: hashtags and handles are the words they run together") {
  // a hashtag in one case splits into English words, one part may be unknown
  CHECK(score("#stonemanshooting suspect was a #DACA recipient", "The Stoneman shooting suspect was a DACA recipient.") >= 0.5);
  CHECK(score("#exumaairport officials chained the doors", "Exuma airport officials chained the doors.") >= 0.5);
  std::string q = lede::claim_fts_query(*analyse_claim("#blacklivesmatter #fyrefestival"));
  CHECK(q.find("\"lives\"") != std::string::npos);
  CHECK(q.find("\"matter\"") != std::string::npos);
  CHECK(q.find("\"festival\"") != std::string::npos);
  // two unknown parts, or a word of its own: no split
  CHECK(lede::claim_fts_query(*analyse_claim("#krystinamartelli")).find("krystinamartelli") != std::string::npos);
  CHECK(lede::claim_fts_query(*analyse_claim("#basketball")).find("\"basketball\"") != std::string::npos);
  // a handle splits at capitals, keeps 'McCain' whole and drops a leading title
  CHECK(score("@SenJohnMcCain voted against the bill", "Senator John McCain voted against the bill.") >= 0.5);
  CHECK(score("@RonDeSantis signed the law", "Ron DeSantis signed the law.") >= 0.5);
  CHECK(score("@SenJohnMcCain voted against the bill", "John Cain voted against the bill.") < 0.5);
  // 'real' opening a handle claims the name, it is no part of it (2026-11-29, issue 5)
  auto handle = lede::claim_query_words(*analyse_claim("@realMartaQuill signed the order"));
  auto in_handle = [&](const char *w) { return std::find(handle.begin(), handle.end(), w) != handle.end(); };
  CHECK(in_handle("marta"));
  CHECK(in_handle("quill"));
  CHECK_FALSE(in_handle("real"));
  CHECK(lede::claim_query_words(*analyse_claim("the real story")).front() == "real");
  // a link glued to the last word of a copied tweet is no part of it (2026-11-29, issue 5)
  auto glued = lede::claim_query_words(
      *analyse_claim("Fines for drivers #TicketTuesdaypic.twitter.com/TlOXWtvgOW #Minecrafthttps://t.co/x1"));
  auto in_glued = [&](const char *w) { return std::find(glued.begin(), glued.end(), w) != glued.end(); };
  CHECK(in_glued("tuesday"));
  CHECK(in_glued("minecraft"));
  CHECK_FALSE(in_glued("tuesdaypic"));
  CHECK_FALSE(in_glued("minecrafthttps"));
  CHECK(score("Ferry fares rose #TicketTuesdaypic.twitter.com/TlOXWtvgOW", "Ferry fares rose on Ticket Tuesday.") >= 0.5);
}

TEST_CASE("claim: a long text holding the whole claim said the other way contradicts it") {
  auto r = lede::score_claim(*analyse_claim("The cruise terminal cost fell"),
                             "The Kestrel Bay harbour authority has delayed its new cruise terminal by a year after "
                             "the estimated cost rose 30% to $412 million, officials said Thursday.");
  CHECK(r.score < 0.5);
  CHECK(r.stance == lede::Stance::Contradicts);
  // a text about something else that merely has the antonym is no contradiction
  auto u = lede::score_claim(*analyse_claim("The cruise terminal cost fell"),
                             "Ferry fares rose 30% after the council vote on the new bus line and the library.");
  CHECK(u.stance == lede::Stance::Neutral);
}

TEST_CASE("claim: the claim's two names on the other sides of its verb are no support") {
  // 2026-11-29, issue 5: bag of words held the whole claim and passed.
  const std::string sued = "Halvard Capital sued Larkspur Labs";
  auto swapped = lede::score_claim(*analyse_claim(sued), "Larkspur Labs sued Halvard Capital on Monday.");
  CHECK(swapped.score < 0.5);
  CHECK(swapped.role_swap);
  CHECK(swapped.stance == lede::Stance::Neutral); // another claim, not the claim denied
  CHECK(score("Orbis Media bought Kestrel Radio", "Kestrel Radio bought Orbis Media for $40 million.") < 0.5);
  CHECK(score("Halvard Capital is suing Larkspur Labs", "Larkspur Labs is suing Halvard Capital.") < 0.5);
  // the claim's way round, in the passive too, and in a passive claim
  CHECK(score(sued, "Halvard Capital on Monday sued Larkspur Labs.") >= 0.5);
  CHECK(score(sued, "Larkspur Labs was sued by Halvard Capital on Monday.") >= 0.5);
  CHECK(score(sued, "Larkspur Labs said it had been sued by Halvard Capital.") >= 0.5);
  CHECK(score("Larkspur Labs was sued by Halvard Capital", "Halvard Capital sued Larkspur Labs.") >= 0.5);
  CHECK(score("Larkspur Labs was sued by Halvard Capital", "Larkspur Labs sued Halvard Capital.") < 0.5);
  // both ways round in one text: the claim is there
  CHECK(score(sued, "Halvard Capital sued Larkspur Labs after Larkspur Labs sued Halvard Capital.") >= 0.5);
  // verbs whose sides may trade places, and nouns between names, take no roles
  CHECK(score("Harrow Freight merged with Westerly Logistics", "Westerly Logistics merged with Harrow Freight.") >= 0.5);
  CHECK(score("Boston mayor Dana Whitlock", "Dana Whitlock is mayor of Boston.") >= 0.5);
  std::string j = lede::explain_claim(*analyse_claim(sued), "Larkspur Labs sued Halvard Capital.");
  CHECK(j.find("\"roles\":{\"swapped\":true}") != std::string::npos);
}

TEST_CASE("claim: FTS5 query quotes every word") {
  auto c = analyse_claim("AND OR NEAR \"quoted\" hy-phen * ^ col:umn NOT x");
  std::string q = lede::claim_fts_query(*c);
  CHECK(q.find("\"quoted\"") != std::string::npos);
  CHECK(q.find('*') == std::string::npos);
  CHECK(q.find('^') == std::string::npos);
  CHECK(lede::claim_fts_query(*analyse_claim("?!.")).empty());
}

TEST_CASE("claim: an abbreviation in capitals is the words it stands for, on both sides") {
  CHECK(score("Cerebras filed for an IPO", "Cerebras Systems filed for an initial public offering on Tuesday.") >= 0.5);
  CHECK(score("Cerebras filed for an initial public offering", "Cerebras Systems filed for an IPO on Tuesday.") >= 0.5);
  CHECK(score("The EU fined Google", "The European Union fined Google on Monday.") >= 0.5);
  // The index is queried with the abbreviation as written and with its words.
  auto words = lede::claim_query_words(*analyse_claim("Cerebras filed for an IPO"));
  auto has = [&](const char *w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  CHECK(has("ipo"));
  CHECK(has("offering"));
  // Lower case is a word: 'us' is no country.
  auto lower = lede::claim_query_words(*analyse_claim("They told us the plan"));
  CHECK(std::find(lower.begin(), lower.end(), "united") == lower.end());
  auto upper = lede::claim_query_words(*analyse_claim("The US plan"));
  CHECK(std::find(upper.begin(), upper.end(), "united") != upper.end());
}

TEST_CASE("claim: the index query holds the claim's counts and amounts, not its years") {
  auto words = lede::claim_query_words(*analyse_claim("Iran got $150 billion and 8% more in 2019 from the 118th Congress"));
  auto has = [&](const char *w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  CHECK(has("iran"));
  CHECK(has("150"));
  CHECK(has("8"));
  CHECK_FALSE(has("2019"));
  CHECK_FALSE(has("118th"));
  // One word per quantity: '$1,000' gives 1, not 000.
  auto thousand = lede::claim_query_words(*analyse_claim("Drivers were fined $1,000"));
  CHECK(std::find(thousand.begin(), thousand.end(), "1") != thousand.end());
  CHECK(std::find(thousand.begin(), thousand.end(), "000") == thousand.end());
  CHECK(lede::claim_query_words(*analyse_claim("$1,000")).empty());
  // Numbers are quoted like words.
  CHECK(lede::claim_fts_query(*analyse_claim("Drivers were fined $1,000")).find("\"1\"") != std::string::npos);
}

TEST_CASE("claim: a 10,000-word claim keeps the heaviest terms") {
  std::string big;
  for (int i = 0; i < 10000; ++i) big += "word" + std::to_string(i % 500) + " ";
  auto c = analyse_claim(big);
  CHECK(lede::claim_terms(*c).size() == lede::kMaxClaimTerms);
  CHECK(score(big, "word1 word2") >= 0);
}

TEST_CASE("claim: feedback raises texts that say what the best texts say beyond the claim") {
  auto c = analyse_claim("The harbour ferry fares rise");
  std::vector<std::string_view> texts = {
      "Harbour ferry fares rise as the island council cuts its diesel subsidy.",
      "The island council cut the diesel subsidy for the harbour service.",
      "Bakery bread prices climb after a poor wheat harvest."};
  std::vector<double> best = {0.9, 0.4, 0.4};
  std::vector<lede::TextTerms> terms(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) lede::score_claim(*c, texts[i], -1, &terms[i]);
  std::vector<double> agree = lede::claim_feedback(terms, best);
  REQUIRE(agree.size() == 3);
  CHECK(agree[1] > agree[2]);
  CHECK(agree[1] > 0.2);
  CHECK(agree[2] < 0.05);
  // Never across the 0.5 line, in either direction; never lower.
  CHECK(lede::feedback_score(0.49, 1.0) < 0.5);
  CHECK(lede::feedback_score(0.5, 1.0) >= 0.5);
  CHECK(lede::feedback_score(0.3, 0.5) > 0.3);
  CHECK(lede::feedback_score(0.3, 0.0) == 0.3);
  CHECK(lede::feedback_score(0.8, 1.0) <= 1.0);
}

TEST_CASE("claim: the project's labelled set, >= 95% right on the 0.5 line") {
  std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/tests/data/claims.tsv");
  REQUIRE(in);
  std::string line;
  int n = 0, right = 0, lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string kind, label, claim, text;
    std::getline(ls, kind, '\t');
    std::getline(ls, label, '\t');
    std::getline(ls, claim, '\t');
    std::getline(ls, text, '\t');
    if (label != "1" && label != "0") continue;
    double s = score(claim, text);
    bool ok = (s >= 0.5) == (label == "1");
    ++n;
    right += ok;
    if (!ok) WARN("claims.tsv line " << lineno << " (" << kind << ", label " << label << "): score " << s);
  }
  REQUIRE(n >= 100);
  double acc = static_cast<double>(right) / n;
  INFO("accuracy " << acc << " on " << n);
  CHECK(acc >= 0.95);
}
