// test_quotes.cpp — quotes.cpp: finding quotes, attribution, speakers,
// roles, kinds, the samples' annotations, and bad input.
#include "lede_catch.hpp"

#include "analysis.hpp"
#include "quotes.hpp"
#include "text.hpp"

#include <fstream>
#include <sstream>

using lede::Quote;

namespace {

std::vector<Quote> run(const std::string &text) {
  return lede::analyse_text(text).quotes;
}

std::string opt(const std::optional<std::string> &s) { return s ? *s : "NULL"; }

// The quote whose text starts with `prefix`, or null.
const Quote *find(const std::vector<Quote> &qs, const std::string &prefix) {
  for (auto &q : qs)
    if (q.quote.rfind(prefix, 0) == 0) return &q;
  return nullptr;
}

} // namespace

TEST_CASE("quotes: every mark style, straight and curly mixed") {
  for (std::string text : {"“It works,” she said.", "\"It works,\" she said.",
                           "«It works,» she said.", "„It works,“ she said.",
                           "\"It works,” she said.", "‘It works,’ she said.",
                           "'It works,' she said."}) {
    auto qs = run(text);
    INFO(text);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].quote == "It works");
    CHECK(opt(qs[0].speaker_mention) == "she");
    CHECK(opt(qs[0].cue) == "say");
    CHECK(qs[0].kind == "direct");
  }
}

TEST_CASE("quotes: offsets are code points into the text") {
  std::string text = "Ée said: “Déjà vu.”";
  auto qs = run(text);
  REQUIRE(qs.size() == 1);
  auto cps = lede::decode_utf8(text);
  CHECK(lede::encode_utf8(cps.substr(qs[0].content.start, qs[0].content.size())) == "Déjà vu.");
  CHECK(qs[0].sentence_idx == 0);
}

TEST_CASE("quotes: apostrophes are not marks") {
  auto qs = run("The company’s chief said OpenAI‘s model “doesn’t work, and the players’ union knows it.”");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].quote == "doesn’t work, and the players’ union knows it.");
  CHECK(run("Don’t panic. It’s the ’90s and rock ’n’ roll’s back.").empty());
}

TEST_CASE("quotes: nested quotes stay inside the outer one") {
  auto qs = run("“When a customer says ‘this is for a university,’ we believe them,” Ruth Adebayo said.");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].quote == "When a customer says ‘this is for a university,’ we believe them");
  CHECK(opt(qs[0].speaker) == "Ruth Adebayo");
}

TEST_CASE("quotes: a quote of several sentences, and editorial brackets") {
  auto qs = run("Mara Lind said: “[The model] is cheap. It is fast. Nobody expected it.”");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].quote == "[The model] is cheap. It is fast. Nobody expected it.");
  CHECK(opt(qs[0].speaker) == "Mara Lind");
}

TEST_CASE("quotes: multi-paragraph quote and unclosed quote bounded at the paragraph") {
  auto qs = run("“If you are small, you have a problem,” Tsai said. “Give me a phone maker.\n\n"
                "“The next two years will be about the screen.”\n\n"
                "Wen-Jie Tsai runs a fund.");
  REQUIRE(qs.size() == 3);
  CHECK(qs[1].quote == "Give me a phone maker.");
  CHECK(qs[2].quote == "The next two years will be about the screen.");
  CHECK(opt(qs[2].speaker) == "Wen-Jie Tsai");

  auto un = run("He said: “The question is how long investors will pay.\n\nThe writer goes on here.");
  REQUIRE(un.size() == 1);
  CHECK(un[0].quote == "The question is how long investors will pay.");
}

TEST_CASE("quotes: attribution patterns") {
  SECTION("“…,” X said") {
    auto qs = run("“We are ready,” Colleen Ferris said.");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Colleen Ferris");
    CHECK(qs[0].confidence >= 0.85);
  }
  SECTION("said X, role") {
    auto qs = run("“Prices will fall,” said Patrick Moorhead, founder of Moor Insights & Strategy.");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Patrick Moorhead");
    CHECK(opt(qs[0].speaker_role) == "founder of Moor Insights & Strategy");
  }
  SECTION("X, a role, said (not 'he')") {
    auto qs = run("Hugh Hill, a doctor at St. Mary’s, said, “Wait and see.”");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Hugh Hill");
    CHECK(opt(qs[0].speaker_mention) == "Hugh Hill");
    CHECK(opt(qs[0].speaker_role) == "doctor at St. Mary’s");
  }
  SECTION("Y chief executive X said") {
    auto qs = run("“We had a good year,” Northgate chief executive Alistair Hale said.");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Alistair Hale");
    CHECK(opt(qs[0].speaker_role) == "Northgate chief executive");
  }
  SECTION("X told Outlet") {
    auto qs = run("“No comment,” Dana Roe told Reuters.");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Dana Roe");
    CHECK(opt(qs[0].cue) == "tell");
  }
  SECTION("split quote and a second quote right after") {
    auto qs = run("“Everyone assumed it,” Tsai said in an interview, “but it came fast.” "
                  "“Nobody knows,” he added. “Really.”");
    REQUIRE(qs.size() == 4);
    for (auto &q : qs) CHECK(opt(q.speaker) == "Tsai");
    CHECK(opt(qs[2].cue) == "add");
    CHECK(qs[3].confidence < qs[2].confidence + 1e-9);
  }
  SECTION("parenthetical 'he said'") {
    auto qs = run("Omar Diaz spoke last. The real question is, he said, “who pays for it?”");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker_mention) == "he");
    CHECK(opt(qs[0].speaker) == "Omar Diaz");
  }
  SECTION("a quote standing alone after the sentence naming the speaker") {
    auto qs = run("Lena Park said the plan was sound. “We checked every number.”");
    REQUIRE(qs.size() == 1);
    CHECK(opt(qs[0].speaker) == "Lena Park");
    CHECK(qs[0].confidence <= 0.5);
  }
}

TEST_CASE("quotes: speakers resolve to the fullest name, never across unrelated paragraphs") {
  auto qs = run("Kai-Fu Lee, who runs a fund, spoke on Monday.\n\n"
                "“Costs will fall,” Lee said.\n\n"
                "“They already have,” he said.");
  REQUIRE(qs.size() == 2);
  CHECK(opt(qs[0].speaker) == "Kai-Fu Lee");
  CHECK(opt(qs[0].speaker_mention) == "Lee");
  CHECK(opt(qs[1].speaker) == "Kai-Fu Lee");
  CHECK(opt(qs[1].speaker_mention) == "he");

  // A headline in Title Case is no name ('Marta Quill Slams Budget Plan …'),
  // but its first words are when the text writes them as names too.
  auto head = run("Marta Quill Slams Budget Plan As Reckless\n\n"
                  "The city treasurer spoke on Monday. “It is reckless,” Quill said.");
  REQUIRE(head.size() == 1);
  CHECK(opt(head[0].speaker) == "Marta Quill");

  auto far = run("Ann Body said nothing.\n\nP2.\n\nP3.\n\nP4.\n\n“It rained,” she said.");
  REQUIRE(far.size() == 1);
  CHECK(opt(far[0].speaker_mention) == "she");
  CHECK_FALSE(far[0].speaker);
}

TEST_CASE("quotes: 'He said' after a new paragraph naming one person is that person") {
  auto qs = run("“This is censorship,” said Carl Szabo, the group's general counsel.\n\n"
                "Others disagreed.\n\n"
                "The committee's top Republican, Sen. Ted Cruz of Texas, voted against the bill. He said it was "
                "“well-intentioned but badly drafted.”");
  REQUIRE(qs.size() == 2);
  CHECK(opt(qs[1].speaker) == "Ted Cruz");
}

TEST_CASE("quotes: a page with one long line per paragraph and no blank lines reads each line as one") {
  const std::string page =
      "“This is censorship dressed up as election security,” said Carl Szabo, the group's general counsel, in a "
      "statement on Wednesday.\n"
      "According to the Brennan Center for Justice, at least 20 states have passed similar laws since 2019, and more "
      "are expected to follow.\n"
      "The committee's top Republican, Sen. Ted Cruz of Texas, voted against the bill. He said it was "
      "“well-intentioned but badly drafted.”\n";
  auto qs = run(page);
  REQUIRE(qs.size() == 2);
  CHECK(opt(qs[1].speaker) == "Ted Cruz");
}

TEST_CASE("quotes: an organisation's name keeps its leading role-like word") {
  auto qs = run("The National Highway Traffic Safety Administration said in a letter that it had “a number of "
                "questions” about the cars.");
  REQUIRE(qs.size() == 1);
  CHECK(opt(qs[0].speaker) == "National Highway Traffic Safety Administration");
  CHECK_FALSE(qs[0].speaker_role);
}

TEST_CASE("quotes: partial quotes and scare quotes") {
  auto qs = run("Lee expects margins to shrink, though “dozens will want to compete” for developers.");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].kind == "partial");
  CHECK(opt(qs[0].speaker) == "Lee");

  CHECK(run("At least four companies have set up “war rooms” to study the model.").empty());
  CHECK(run("DeepSeek has published its “weights”, the numbers that make up a model.").empty());
  CHECK(run("Senators urged the White House to tighten the so-called “diffusion rule” on chips.").empty());
  CHECK(run("A report titled “Compute and Containment,” published last month, argued otherwise.").empty());
  // A term a thing names ('which it calls'), not a person's words.
  CHECK(run("The company’s agents, which it calls \"colleagues\", are built on GPT-4o.").empty());
  CHECK(run("The approach, sometimes called “vibe coding”, is popular.").empty());
  // 'would continue “…”' is no reporting verb before a fragment; the sentence's 'said' is.
  qs = run("The economy ministry said in a statement that its programme would continue “at current levels” "
           "through 2026.");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].kind == "partial");
  CHECK(opt(qs[0].speaker_mention) == "The economy ministry");
  CHECK(opt(qs[0].cue) == "say");
  qs = run("Smith called the ruling “a travesty,” and left.");
  REQUIRE(qs.size() == 1);
  CHECK(opt(qs[0].speaker) == "Smith");
  // A short term right before a participle of its sentence's verb is kept
  // ('… marked “top secret,” saying …'), with that verb's subject.
  qs = run("Marsh pounced on news that the files were later deemed ''top secret,'' saying the agency "
           "had erred.");
  REQUIRE(qs.size() == 1);
  CHECK(opt(qs[0].speaker) == "Marsh");
}

// The samples: quotes.tsv has one row per opening mark with the speaker and
// kind the team annotated; scare_quotes.tsv lists what must never be
// reported with a speaker. Agreement is reported, with floors.
TEST_CASE("quotes: agreement with samples/quotes.tsv") {
  std::ifstream tsv(std::string(LEDE_SOURCE_DIR) + "/samples/quotes.tsv");
  REQUIRE(tsv);
  std::string line;
  std::getline(tsv, line);
  std::map<std::string, std::vector<Quote>> cache;
  int rows = 0, found = 0, speaker_ok = 0, kind_ok = 0;
  std::ostringstream misses;
  while (std::getline(tsv, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() < 4) continue;
    ++rows;
    if (!cache.count(f[0])) {
      std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/" + f[0], std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      auto qs = lede::analyse_article(buf.str()).quotes;
      for (auto &q : qs) {
        std::string s;
        for (char32_t c : lede::decode_utf8(q.quote)) lede::append_utf8(s, c == 0xA0 ? U' ' : c);
        q.quote = s;
      }
      cache[f[0]] = std::move(qs);
    }
    const Quote *q = find(cache[f[0]], f[1]);
    if (!q) {
      misses << "  missing: " << f[0] << " | " << f[1] << "\n";
      continue;
    }
    ++found;
    if (opt(q->speaker) == f[2]) ++speaker_ok;
    else misses << "  speaker: " << f[0] << " | " << f[1] << " | want " << f[2] << " got " << opt(q->speaker) << "\n";
    if (q->kind == f[3]) ++kind_ok;
    else misses << "  kind: " << f[0] << " | " << f[1] << " | want " << f[3] << "\n";
  }
  WARN("samples/quotes.tsv: " << rows << " rows, found " << found << ", speaker agrees "
                               << speaker_ok << ", kind agrees " << kind_ok << "\n" << misses.str());
  CHECK(found >= rows * 95 / 100);
  CHECK(speaker_ok >= rows * 85 / 100);
  CHECK(kind_ok >= rows * 85 / 100);

  std::ifstream scare(std::string(LEDE_SOURCE_DIR) + "/samples/scare_quotes.tsv");
  std::getline(scare, line);
  while (std::getline(scare, line)) {
    auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
    std::string src = line.substr(0, tab1), text = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (!cache.count(src)) continue;
    for (auto &q : cache[src]) {
      INFO(src << " | " << text);
      CHECK_FALSE((q.quote.rfind(text, 0) == 0 && q.speaker));
    }
  }
}

// Bad input: sizes stay bounded and nothing runs away; never timings.
TEST_CASE("quotes: bad input generators") {
  SECTION("thousands of unbalanced marks") {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += (i % 3 ? "“word " : "” and ");
    auto qs = run(s);
    CHECK(qs.size() <= 5000);
    for (auto &q : qs) CHECK(q.content.end <= lede::decode_utf8(s).size());
  }
  SECTION("a 1 MB paragraph inside one quote") {
    std::string s = "She said: “";
    while (s.size() < (1u << 20)) s += "all work and no play makes a dull day, ";
    s += "”";
    auto qs = run(s);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].quote.size() > (1u << 19));
  }
  SECTION("text of only quote marks") {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += i % 2 ? "\"" : "“”‘’«»„";
    auto qs = run(s);
    CHECK(qs.size() < 20000);
  }
  SECTION("marks at every word, and an unclosed mark per paragraph") {
    std::string s;
    for (int i = 0; i < 4000; ++i) s += "\"a \"b 'c' “d ";
    for (int i = 0; i < 2000; ++i) s += "\n\nShe said “never closed";
    auto qs = run(s);
    size_t total = 0;
    for (auto &q : qs) total += q.quote.size();
    CHECK(total <= s.size()); // quotes never overlap
  }
  SECTION("empty and mark-free text") {
    CHECK(run("").empty());
    CHECK(run("No quotes here at all.").empty());
  }
}

TEST_CASE("quotes: speaker patterns of political news") {
  struct Case {
    const char *text, *prefix, *mention;
  };
  for (const Case &c : std::vector<Case>{
           {"\"It was huge,\" said Republican political consultant Chris Russell.", "It was huge",
            "Chris Russell"},
           {"\"It is the end,\" Sen. Marco Rubio (R-Fla.) said Saturday night.", "It is the end",
            "Marco Rubio"},
           {"Rep. Steve Israel (D-N.Y) said Clinton called on members to be \"bold\" now.", "bold",
            "Steve Israel"},
           {"Clinton, during a town hall in Columbus, Ohio, said she was \"going to win\" there.",
            "going to win", "Clinton"},
           {"In Salem, New Hampshire, Trump went after Bush, calling him \"a basket case.\"",
            "a basket case", "Trump"},
           {"\"Ten points is the bar\" if she did not win by more, said David Wasserman, an analyst.",
            "Ten points", "David Wasserman"},
           {"\"It is late,\" Nate Silver, the guru who founded the site tweeted on Wednesday.",
            "It is late", "Nate Silver"},
           {"Donald Trump issued the following statement:\n\n\"We will win.\"", "We will win",
            "Donald Trump"},
           {"\"Trump must stop.\" \u2015 Carla Sanchez.", "Trump must stop", "Carla Sanchez"},
           {"The ad targets a \"system rigged for the rich\" here.", "system rigged", "The ad"},
           {"\"Why?\" Todd asked the real estate mogul.", "Why?", "Todd"},
           {"\"We won,\" Mills said.\n\nClinton touted her record. \"I was there first.\"",
            "I was there first", "Clinton"},
           // speakers2: relative clauses, adverbs, participles, roles
           {"Obama, who called the nominee \"unfit\" today, left.", "unfit", "who"},
           {"With new voters, Clinton has increasingly decried the \"issue of race\" there.",
            "issue of race", "Clinton"},
           {"Acknowledging that Trump \"has no encumbrances,\" though, Allen did suggest it.",
            "has no encumbrances", "Allen"},
           {"\"It is bad,\" said Rubio\u2019s deputy campaign manager, Rich Beeson, who knew.",
            "It is bad", "Rich Beeson"},
           {"\"It is bad,\" former State policy planning director Anne-Marie Slaughter wrote.",
            "It is bad", "Anne-Marie Slaughter"},
           {"\"It is bad,\" the Florida senator and Republican candidate said in a statement.",
            "It is bad", "the Florida senator and Republican candidate"},
           {"Feinstein last week said Clinton was not the source of \"top secret\" chains.",
            "top secret", "Feinstein"},
           {"\"We are fine,\" he said, adding, \"They are both qualified.\"",
            "They are both", "he"},
           // speakers3: outer verbs, sentence-final clauses, first names
           {"Trump has hailed the vote as \"fantastic,\" telling reporters that he thinks it is "
            "\"a great thing.\"",
            "a great thing", "Trump"},
           {"But he told ABC\u2019s \"Good Morning America\" that he agrees Trump is a \"total "
            "opportunist\" today.",
            "total opportunist", "he"},
           {"Cruz said he'd make sand \"glow,\" for instance, and Trump vowed to \"bomb the hell\" "
            "out of them.",
            "bomb the hell", "Trump"},
           {"Benjamin said he believes \"there may be some generals who are beating their chest.\"",
            "there may be", "Benjamin"},
           {"She said dads are not eligible, and when pressed on it Ivanka Trump replied, "
            "\"It is meant for mothers.\"",
            "It is meant", "Ivanka Trump"},
           {"Fundraising was \"stagnant for a month\" as donors waited, Gilbert said.",
            "stagnant for", "Gilbert"},
           {"Donald Trump on Thursday ratcheted up his attacks, saying he is \"weak on "
            "immigration.\"",
            "weak on", "Donald Trump"},
           {"Carly Fiorina backed him, saying it is time for a \"real conservative in the White "
            "House.\"",
            "real conservative", "Carly Fiorina"},
           {"Brafman said, \"The zeal was unusual.\" He added, \"Things happened.\"", "The zeal",
            "Brafman"},
           // speakers4: weekdays, relative and subordinate clauses
           {"Halvorsen later Thursday told Fox News: \"Both leaders will meet next week.\"",
            "Both leaders", "Halvorsen"},
           {"Okafor, who thinks the budget is late, called the new plan \"much, much better\" than "
            "the old one.",
            "much, much", "Okafor"},
           {"\"He tried to scare me,\" said Dana Whitlock, who wrote about the visit. \"It did not "
            "work.\"",
            "It did not", "Dana Whitlock"},
           {"While Marsh argued that the fund should grow, Delgado said only that his \"numbers "
            "do not add up.\"",
            "numbers do not", "Delgado"},
           {"Ben Ortiz told reporters just before he spoke that he believed the party must act "
            "\"in the way it did eight years ago\" to unify.",
            "in the way", "Ben Ortiz"},
           {"Here in Dayton, Okafor stepped up his attacks on the plan, saying, \"We cannot pay "
            "for it.\"",
            "We cannot pay", "Okafor"},
           {"Lena Brandt gave her verdict on the plan to the Dutch newspaper De Telegraaf: \"It was "
            "careless.\"",
            "It was careless", "Lena Brandt"},
           {"After the vote, Gov. Mark Tellen (R-OH), said, \"We are ready.\"", "We are ready",
            "Mark Tellen"},
           {"Senate Majority Leader Ada Brooks, R-Ky., sent a message to the caucus: \"Stop the "
            "attacks.\"",
            "Stop the", "Ada Brooks"},
           {"A spokeswoman for Delmar Logistics declined to discuss the audit but said in a "
            "statement that \"no records were ever lost.\"",
            "no records", "A spokeswoman for Delmar Logistics"},
           {"Attorneys for the mayor appeared to oppose the move, saying the files were private "
            "and \"never belonged to the city.\"",
            "never belonged", "Attorneys for the mayor"},
           {"Rosa Lind \u2014 a nurse from Dover \u2014 says the new rule is \"a big deal\" for her "
            "ward.",
            "a big deal", "Rosa Lind"},
           {"When the subject comes up, Marlow routinely pictures herself as a \"change agent\" "
            "who \"saved the whole company from ruin.\"",
            "saved the whole", "Marlow"},
           {"DAYTON (AP) \u2014 Democrat Ada Brooks has taken a swipe at her rival, saying that "
            "\"loud comments\" do more harm than good.",
            "loud comments", "Ada Brooks"},
           {"After the ruling, Gov. Pat Dunmore (R) blamed the judges for \"blocking every "
            "protection we passed.\"",
            "blocking every", "Pat Dunmore"},
           {"Marsh and other local leaders shunned the mayor, claiming that he is \"hostile to the "
            "city.\"",
            "hostile to", "Marsh and other local leaders"},
           {"Marsh and Delgado issued a statement describing the talks as a \"very positive step "
            "toward a deal.\"",
            "very positive", "Marsh and Delgado"},
           {"Fans waved flags as the results came in. Some chanted \"Four more years!\"",
            "Four more years", "Some"},
           {"\"It was the top priority,\" the bespectacled, 71-year-old envoy said in an "
            "interview.",
            "It was the top", "the bespectacled, 71-year-old envoy"},
           {"When Okafor finally wrapped up his speech with a promise of \"jobs for every town in "
            "the valley,\" the crowd cheered.",
            "jobs for every", "Okafor"},
           {"The senator likes \"The Walking Dead,\" while the former governor loves \"Lilyhammer "
            "and other crime shows.\"",
            "Lilyhammer", "the former governor"},
           {"The crowd grew louder, with many marchers and spectators chanting \"We are one "
            "city\" as the parade passed.",
            "We are one", "many marchers and spectators"},
           {"Republicans were quick to respond, with Dana Whitlock tweeting that it was a "
            "\"disaster\" for the mayor and asking, \"How can he lead the city?\"",
            "How can he", "Dana Whitlock"},
           {"Mayor Ortiz said \"it makes me angry\" every time he thinks about the flooded homes.",
            "it makes me", "Ortiz"},
           {"The group was branded \"a front for the party\" by critics, Song wrote.", "a front for",
            "Song"},
           {"Former Secretary of State Ana Ruiz recently urged voters to turn out, saying, \"It "
            "matters.\"",
            "It matters", "Ana Ruiz"},
           {"\"Who is going to pay for it?\" Whitlock said Friday. The crowd cheered.",
            "Who is going", "Whitlock"},
           {"Dana Ortiz suggested that the plan was weak, while Lee Park said the stakes were \"too "
            "high\" for the town.",
            "too high", "Lee Park"},
           {"Marsh tweeted after Delgado argued that the budget was \"a disaster\" for schools.",
            "a disaster", "Delgado"},
           {"Ortiz urged voters to back Park, whom he describes as having \"a steady hand.\"",
            "a steady hand", "he"},
           {"Voters still remember Hale, who in 2012 said the plant was \"safe for decades.\"",
            "safe for", "who"},
           // A fragment closed by ', according to X' or ', X reported' right
           // after its mark is X's, not the earlier verb's.
           {"Ortiz wrote to the board, warning of \"legal steps against you,\" according to a "
            "copy of the letter.",
            "legal steps", "a copy of the letter"},
           {"Marsh met with local leaders and pledged to \"rebuild every road,\" the Dayton "
            "Courier reported.",
            "rebuild every", "Dayton Courier"},
           // … but any other verb there still loses to the earlier one.
           {"Marsh met with local leaders and pledged to \"rebuild every road,\" Okafor said.",
            "rebuild every", "Marsh"},
           // A pull quote signed on its own line inside the marks.
           {"Economists were split.\n\n\"We will enter the next slump without a plan.\nLena "
            "Marsh, Institute for Fiscal Studies.\"\n\nThe debate goes on.",
            "We will enter", "Lena Marsh"},
           // A quote set off by its verb and ending its sentence is that
           // verb's, not the next sentence's subject.
           {"Ortiz attacked Park, calling him, among other things, \"a fraud.\" Park fired back "
            "in March, attacking Ortiz for his record.",
            "a fraud", "Ortiz"},
           {"Lena Marsh told the radio station simply, \"We lost.\" Her aides wrote on Friday "
            "that the count was fair.",
            "We lost", "Lena Marsh"},
           // A preposition opening the sentence is no name ('Amid', 'Like').
           {"Amid calls for a boycott of websites that would list them, the Courier's Lena Marsh "
            "gave a defense of the list, saying it is needed to \"protect the town.\"",
            "protect the town", "the Courier's Lena Marsh"},
           {"Like Ortiz, Marsh also rejected the plan, arguing that there is \"no room\" in the "
            "budget.",
            "no room", "Marsh"},
           // A participle right after a closing mark is never inverted: its
           // subject is its clause's, and it attributes nothing after it.
           {"Ortiz gave a defense of \"small-town values,\" saying the town embodied the \"heart "
            "of the state.\"",
            "heart of the", "Ortiz"},
           {"Fans chanted, \"Build the bridge,\" referring to the mayor's plan, the Dayton Courier "
            "reported.",
            "Build the bridge", "Dayton Courier"},
           // The outer verb's common-noun subject beats a pronoun inside
           // ('critics say he had proposed …'); a name there already did.
           {"That is why critics say he had proposed to \"tear down\" the program.", "tear down",
            "critics"},
           {"The longtime senator said he rarely asks donors for help, \"because they know where "
            "I stand.\"",
            "because they", "The longtime senator"},
           {"Ortiz said he expects the mayor to \"stay the course.\"", "stay the course", "Ortiz"},
           // A time phrase opening the sentence is no subject ('Eight years
           // ago', 'a few days later'); nor is 'Any'.
           {"Eight years ago, she backed Ortiz over Park and said, \"He is the future.\"",
            "He is the future", "she"},
           {"The mayor wavered on the plan. But a few days later, Marsh reversed herself again, "
            "telling the Courier that the plan \"will not pass.\"",
            "will not pass", "Marsh"},
           {"Any decision to charge someone would involve Judge Lena Marsh, who told the council "
            "when asked last month about the inquiry: \"We will review it.\"",
            "We will review", "who"},
           // After a quote that ends its sentence, an attribution whose
           // subject starts with a title still follows it.
           {"The museum waived its fee, according to spokesman Todd Mesek.\n\n\"It is a great "
            "week for the city.\" Sen. Glenn Thompson said of the swirl of activities.",
            "It is a great", "Glenn Thompson"},
           // A contraction of a function word is no name ('It's', 'That’s').
           {"\"It is a stunt,\" Marsh says. It's \"a show for the cameras and nothing else\"",
            "a show for", "Marsh"},
           // A fragment after a noun of speech with a possessive and no
           // reporting verb belongs to the possessive.
           {"Ortiz gained in the polls. His standing improved after the flood and his call for "
            "\"a new levee across the river\" last spring.",
            "a new levee", "his"},
           {"The union is unlikely to back Marsh after her March comment that, \"we will close "
            "every mine.\" The vote is in June.",
            "we will close", "her"},
           // … but a reporting verb of the sentence still wins.
           {"Voters mocked Ortiz's claim that the mayor \"never paid a cent,\" calling it silly.",
            "never paid", "Voters"},
           // Without the comma the verb after the quote still wins.
           {"\"We lost.\" Lena Marsh said on Friday.", "We lost", "Lena Marsh"},
       }) {
    INFO(c.text);
    auto qs = run(c.text);
    const Quote *q = find(qs, c.prefix);
    REQUIRE(q);
    CHECK(opt(q->speaker_mention) == c.mention);
  }
}

TEST_CASE("quotes: a fragment inside a relative clause belongs to 'who'") {
  struct Case {
    const char *text, *prefix, *mention, *speaker, *role;
  };
  for (const Case &c : std::vector<Case>{
           // The quote sits in the relative clause after the earlier quote's
           // attribution: the mention is 'who', the speaker its antecedent.
           {"\"The plan is late,\" said Nora Vance, who added that the board seemed \"rattled\" "
            "by the vote.",
            "rattled", "who", "Nora Vance", "NULL"},
           // A common-noun antecedent set off by a comma: 'who', no name, the
           // phrase as the role.
           {"\"It did not work,\" said one longtime council member, who added that the mayor "
            "looked \"worried\" afterwards.",
            "worried", "who", "NULL", "one longtime council member"},
           // A restrictive clause ('a general who suggested') is no speaker of
           // the outer sentence's quote.
           {"Dana Ortiz asked the senator to reject a retired general who suggested that the city "
            "should \"close\" its borders.",
            "close", "Dana Ortiz", "Dana Ortiz", "NULL"},
       }) {
    INFO(c.text);
    auto qs = run(c.text);
    const Quote *q = find(qs, c.prefix);
    REQUIRE(q);
    CHECK(opt(q->speaker_mention) == c.mention);
    CHECK(opt(q->speaker) == c.speaker);
    CHECK(opt(q->speaker_role) == c.role);
  }
}

TEST_CASE("quotes: a pronoun after a sentence that opens with a quote goes to its named speaker") {
  // The sentence before 'He warned' opens inside a quote; its attribution
  // names Lyman, who is the pronoun's antecedent, not the subject before.
  auto qs = run("Critics are less sure. \xE2\x80\x98The timelines are fantasy,' said Edwin Lyman, "
                "director of nuclear power safety at the Union of Concerned Scientists. He warned that "
                "new reactors \"routinely run years late.\"");
  const Quote *q = find(qs, "routinely run");
  REQUIRE(q);
  CHECK(opt(q->speaker_mention) == "He");
  CHECK(opt(q->speaker) == "Edwin Lyman");
}

TEST_CASE("quotes: a dateline opening the sentence is no subject") {
  auto qs = run("SACRAMENTO, Calif. \xE2\x80\x94 Gov. Teresa Halloran signed a $1.2 billion water bill on "
                "Monday, calling it \"the most important thing we will do this year.\"\n\n"
                "PORTLAND (AP) \xE2\x80\x94 The mayor, Dana Whitcombe, signed the order, calling it \"overdue.\"");
  const Quote *q = find(qs, "the most important");
  REQUIRE(q);
  CHECK(opt(q->speaker) == "Teresa Halloran");
  const Quote *r = find(qs, "overdue");
  REQUIRE(r);
  CHECK(opt(r->speaker) == "Dana Whitcombe");
}

TEST_CASE("quotes: a lower-case fragment right after its verb, the sentence going on, is partial") {
  auto qs = run("Ama Boateng runs a cafe on the quay. She said the authority had promised \"a new front door "
                "for the town\" in 2021. \"We waited,\" she said. Mendes said \"We have been open about it.\"");
  const Quote *q = find(qs, "a new front door");
  REQUIRE(q);
  CHECK(q->kind == "partial");
  CHECK(opt(q->speaker) == "Ama Boateng");
  const Quote *r = find(qs, "We have been open");
  REQUIRE(r);
  CHECK(r->kind == "direct");
}
