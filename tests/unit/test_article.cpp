// test_article.cpp — article.cpp: headline, date, byline, section, body.
#include "lede_catch.hpp"

#include "article.hpp"
#include "text.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace lede;

namespace {

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string or_null(const std::optional<std::string> &s) { return s ? *s : "NULL"; }

} // namespace

TEST_CASE("samples/expected.tsv: every sample parses as annotated") {
  std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/samples/expected.tsv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line); // header
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, '\t')) f.push_back(cell);
    REQUIRE(f.size() == 5);
    Article a = parse_article(read(std::string(LEDE_SOURCE_DIR) + "/" + f[0]));
    INFO(f[0]);
    CHECK(or_null(a.title) == f[1]);
    CHECK(or_null(a.published) == f[2]);
    CHECK(or_null(a.byline) == f[3]);
    CHECK(or_null(a.section) == f[4]);
    CHECK(a.words > 200);
    ++rows;
  }
  CHECK(rows >= 12);
}

TEST_CASE("page furniture goes, the story stays") {
  Article a = parse_article("Lab Opens New Site In Leeds\n\nTechnology\n\nWritten by\nPublished on January 8, 2025\n\n"
                            "Today : Feb 01, 2025\n\nSign up for our daily newsletter\n\nJoin Now\n\n"
                            "The lab said on Tuesday that it will open a second site in Leeds next year, hiring 200 "
                            "researchers.\n\nAdvertisement\n\nKey Takeaways:\n- 200 jobs\n- Opens in 2026\n\n"
                            "What comes next\n\nThe council must still approve the plans, officials said.\n\n"
                            "Share this article\n\nRecent News\n\nOther lab closes  Jan 30, 2025\nMore news here\n");
  CHECK(a.title == std::optional<std::string>("Lab Opens New Site In Leeds"));
  CHECK(a.section == std::optional<std::string>("Technology"));
  CHECK_FALSE(a.byline); // an empty 'Written by' is no byline, never the next line
  CHECK(a.published == std::optional<std::string>("2025-01-08"));
  CHECK(a.body ==
        "The lab said on Tuesday that it will open a second site in Leeds next year, hiring 200 researchers.\n\n"
        "Key Takeaways:\n- 200 jobs\n- Opens in 2026\n\nWhat comes next\n\n"
        "The council must still approve the plans, officials said.");
}

TEST_CASE("'Read more:' over a list of headlines ends the story; over a paragraph it is a label") {
  Article a = parse_article("Watchdog fines water firm\n\nThe regulator fined the firm on Friday, officials said.\n\n"
                            "It will appeal.\n\nRead more:\nWater bills to rise by 36% over five years\n"
                            "Why the firm ran out of money\n");
  CHECK(a.body == "The regulator fined the firm on Friday, officials said.\n\nIt will appeal.");
  Article b = parse_article("Watchdog fines water firm\n\nThe regulator fined the firm on Friday, officials said.\n\n"
                            "Read more\n\nThe firm said it would appeal the decision, which it called unfair.\n");
  CHECK(b.body == "The regulator fined the firm on Friday, officials said.\n\n"
                  "The firm said it would appeal the decision, which it called unfair.");
}

TEST_CASE("a name over a role line is a byline; relative time stamps and comment counts go") {
  const std::string story = "The council voted on Tuesday to approve the plan, officials said.";
  Article a = parse_article("Council approves plan\n\nJane Roe\nSenior Reporter\nPublished 5 March 2025\n\n" + story);
  CHECK(a.byline == std::optional<std::string>("Jane Roe"));
  CHECK(a.body == story);
  Article b = parse_article("Council approves plan\nUpdated 3 hours ago\nBy Jane Roe\n\n" + story +
                            "\n\nComments (12)\n\nGreat plan, finally!\n");
  CHECK_FALSE(b.published);
  CHECK(b.body == story);
  // A name line without a role line under it is left alone (a dek, a quote's source).
  Article c = parse_article("Council approves plan\n\nJane Roe\n\n" + story);
  CHECK_FALSE(c.byline);
}

TEST_CASE("photo credits under a picture are furniture") {
  const std::string story = "The council voted on Tuesday to approve the plan, officials said.";
  const std::string more = "Work on the harbour will start in May, the mayor said.";
  for (const char *credit : {"Getty.", "Getty/Instagram.", "Dana Lo / Reuters.", "Bloomberg via Getty Images.",
                             "AP Photo/Evan Marsh", "- Reuters."}) {
    CAPTURE(credit);
    Article a = parse_article("Council approves plan\n\n" + story + "\n\n" + credit + "\n\n" + more);
    CHECK(a.body == story + "\n\n" + more);
  }
  // A sentence that names an agency is no credit.
  Article b = parse_article("Council approves plan\n\n" + story + "\n\nThe figures come from Reuters.\n\n" + more);
  CHECK(b.body == story + "\n\nThe figures come from Reuters.\n\n" + more);
}

TEST_CASE("empty date and byline labels are furniture, wherever they stand") {
  const std::string para = "The council approved the plan on Monday after a long debate about its cost to the town.";
  for (const char *labels : {"Written by\nPublished on", "By\nUpdated:", "Posted on\n\nAuthor:",
                             "Published:\nLast updated", "Date:"}) {
    CAPTURE(labels);
    Article a = parse_article(std::string("Council Backs Harbour Plan\n\n") + labels + "\n\n" + para +
                              "\n\nPublished on\n\nBy the end of the year, work will start.");
    CHECK(a.title == std::optional<std::string>("Council Backs Harbour Plan"));
    CHECK_FALSE(a.byline);
    CHECK_FALSE(a.published);
    // A sentence that merely begins with 'By' stays.
    CHECK(a.body == para + "\n\nBy the end of the year, work will start.");
  }
}

TEST_CASE("bylines: names only") {
  auto by = [](const std::string &line) {
    return or_null(parse_article("A Headline For The Test\n\n" + line +
                                 "\n\nThe body of the story has enough words in it to count as a real paragraph "
                                 "of news text.")
                       .byline);
  };
  CHECK(by("By Jane Roe and John Doe") == "Jane Roe, John Doe");
  CHECK(by("By Maria Lopez, Staff Writer") == "Maria Lopez");
  CHECK(by("Written by Kofi Mensah") == "Kofi Mensah");
  CHECK(by("By SAM ROE | Reuters") == "Sam Roe");
  CHECK(by("By Ana Diaz & Lee Park, Feb 1, 2025") == "Ana Diaz, Lee Park");
  CHECK(by("Written by") == "NULL");
  // Meta lines with a date and a reading time (furniture by the latter).
  CHECK(by("By Priya Natarajan and Tom Becker | March 3, 2025 | 5 min read") == "Priya Natarajan, Tom Becker");
  CHECK(by("By Jane Roe \xC2\xB7 Feb 1, 2025 \xC2\xB7 4 min read") == "Jane Roe");
  CHECK(by("By Jane Roe \xE2\x80\xA2 Staff Writer \xE2\x80\xA2 Feb 2, 2025") == "Jane Roe");
  CHECK(by("5 min read") == "NULL");
  // A date line naming its writer after 'by'.
  CHECK(by("Published on Feb 20, 2025 by Owen Pryce") == "Owen Pryce");
  CHECK(by("Posted Feb 2, 2025 by Dana Whitcombe and Luis Ortega") == "Dana Whitcombe, Luis Ortega");
  CHECK(by("Updated March 4, 2025 by the Editors") == "NULL");
  CHECK(by("By continuing you agree to our cookie policy") == "NULL");
}

TEST_CASE("a byline meta line gives the date and leaves the body") {
  Article a = parse_article("Chip Maker Warns on Sales\nBy Priya Natarajan | March 3, 2025 | 5 min read\n\n"
                            "The company said on Monday that sales would fall by as much as 10% this quarter as "
                            "customers delay orders.");
  CHECK(a.published == std::optional<std::string>("2025-03-03"));
  CHECK(a.body == "The company said on Monday that sales would fall by as much as 10% this quarter as customers "
                  "delay orders.");
}

TEST_CASE("no headline: a body sentence is never a title") {
  Article a = parse_article("Ferry fares in the harbour will rise by 12 per cent from March, the operator said on "
                            "Monday, blaming fuel costs and a new wage deal.\n\nPassengers were unhappy.");
  CHECK_FALSE(a.title);
  Article b = parse_article("Dr. Smith paid $7.5 billion. U.S. officials said so.");
  CHECK_FALSE(b.title);
  CHECK(b.body == "Dr. Smith paid $7.5 billion. U.S. officials said so.");
}

TEST_CASE("line endings, odd spaces and trailing dated lists") {
  Article a = parse_article("Budget Passes\r\n\r\nBy Lee Park\r\n\r\nThe council passed the budget\xc2\xa0on Monday "
                            "after a long debate about bus routes and parks.\r\n\r\n"
                            "Council names new clerk  Jan 3, 2025\r\nParks plan delayed  Jan 2, 2025\r\n");
  CHECK(a.title == std::optional<std::string>("Budget Passes"));
  CHECK(a.byline == std::optional<std::string>("Lee Park"));
  CHECK(a.body == "The council passed the budget on Monday after a long debate about bus routes and parks.");
}

TEST_CASE("degenerate pages") {
  CHECK(parse_article("").body.empty());
  CHECK(parse_article("").words == 0);
  CHECK(parse_article(" \n\n \t\n").body.empty());
  Article only_furniture = parse_article("Advertisement\n\nSubscribe\n");
  CHECK(only_furniture.body.empty());
  CHECK(count_words(U"Don't stop-loss 7.5 now") == 4);
  for (const char *t : {"Don't stop-loss 7.5 now", "a--b 'quoted' 1,000. End.", "caf\xc3\xa9 na\xc3\xafve", ""})
    CHECK(count_words_utf8(t) == count_words(decode_utf8(t)));
}

TEST_CASE("kicker labels, agency bylines and author boxes are furniture") {
  Article a = parse_article("BREAKING\nChipmaker Slashes Forecast, Shares Tumble 12%\nBy REUTERS STAFF\n\n"
                            "Orbis Semiconductor cut its full-year revenue forecast on Monday, sending its "
                            "shares down 12% in early trading.\n\nAbout the author\nJane Roe covers chips "
                            "for Example News.");
  CHECK(a.title == std::optional<std::string>("Chipmaker Slashes Forecast, Shares Tumble 12%"));
  CHECK_FALSE(a.byline);
  CHECK(a.body == "Orbis Semiconductor cut its full-year revenue forecast on Monday, sending its shares down "
                  "12% in early trading.");
  Article b = parse_article("Council Delays Vote\nBy The Associated Press\n\nThe council delayed its vote on "
                            "the bus line until March after residents asked for more time to study it.");
  CHECK_FALSE(b.byline);
  CHECK(b.body.find("Associated") == std::string::npos);
}
