// test_entities.cpp — extract_entities on sentences written for the tests,
// and on generated hostile input (linear time, bounded output).
#include "document.hpp"
#include "entities.hpp"
#include "ner.hpp"
#include "text.hpp"

#include "lede_catch.hpp"

#include <set>

using namespace lede;

namespace {
std::vector<EntityMention> run(const std::string &s, const AliasMap &aliases = {}, const std::string &published = {}) {
  return extract_entities(make_document(decode_utf8(s)), aliases, published);
}
// "TYPE|entity|mention" for every mention.
std::set<std::string> found(const std::string &s, const AliasMap &aliases = {}, const std::string &published = {}) {
  std::set<std::string> out;
  for (const EntityMention &m : run(s, aliases, published)) out.insert(m.type + "|" + m.entity + "|" + m.mention);
  return out;
}
bool has(const std::set<std::string> &s, const std::string &x) { return s.count(x) != 0; }
} // namespace

TEST_CASE("people, places, organisations and canonical names", "[entities]") {
  auto f = found("The chief executive of Larkspur Labs, Sam Altman, flew to Paris on Monday. "
                 "Altman said the company would hire 200 engineers in Germany.");
  CHECK(has(f, "PERSON|Sam Altman|Sam Altman"));
  CHECK(has(f, "PERSON|Sam Altman|Altman"));
  CHECK(has(f, "GPE|Paris|Paris"));
  CHECK(has(f, "GPE|Germany|Germany"));
  CHECK(has(f, "ORG|Larkspur Labs|Larkspur Labs"));
  for (const std::string &x : f) CHECK(x.find("Monday") == std::string::npos);
}

TEST_CASE("a name the tagger runs on into a verb keeps its name words", "[entities]") {
  // The tagger sometimes labels the verb after a name as part of it.
  auto f = found("A recount confirmed that Deputy Chief Samuel T. Greer won the election. "
                 "The vote showed that Sheriff Nora Quill won. Greer said he was relieved.");
  CHECK(has(f, "PERSON|Samuel T. Greer|Samuel T. Greer"));
  CHECK(has(f, "PERSON|Samuel T. Greer|Greer"));
  CHECK(has(f, "PERSON|Nora Quill|Nora Quill"));
  for (const std::string &x : f) CHECK(x.find(" won") == std::string::npos);
}

TEST_CASE("funding rounds are not organisations; companies named by their head word are", "[entities]") {
  auto f = found("Harbor Robotics raised $48M in Series C funding. It closed a $12 million Series A "
                 "led by Tidewater Ventures last year, and a Series B round in May. He said Sunrise "
                 "Capital Partners also invested.");
  CHECK(has(f, "ORG|Harbor Robotics|Harbor Robotics"));
  CHECK(has(f, "ORG|Tidewater Ventures|Tidewater Ventures"));
  CHECK(has(f, "ORG|Sunrise Capital Partners|Sunrise Capital Partners"));
  for (const std::string &x : f) CHECK(x.find("Series") == std::string::npos);
}

TEST_CASE("a Title Case headline does not make one long name", "[entities]") {
  auto f = found("Nora Quill Just Revealed Who She Will Back Between Ames And Ruiz\n\n"
                 "Quill told reporters on Tuesday that she would decide soon. Bank of America declined "
                 "to comment.");
  // The name ends before 'Just' (its type is the tagger's call).
  bool quill = false;
  for (const std::string &x : f) {
    quill |= x.size() > 11 && x.compare(x.size() - 11, 11, "|Nora Quill") == 0;
    CHECK(x.find("Just") == std::string::npos);
    CHECK(x.find("Between") == std::string::npos);
  }
  CHECK(quill);
  CHECK(has(f, "ORG|Bank of America|Bank of America"));
  // A headline's verb after a name: 'Blasts' is a dictionary word.
  auto g = found("Hillary Clinton Speaks Out On Trade Deal\n\nClinton said the deal was bad.");
  CHECK(has(g, "PERSON|Hillary Clinton|Hillary Clinton"));
  CHECK(has(g, "PERSON|Hillary Clinton|Clinton"));
  // Not in an ordinary sentence or a table of names.
  CHECK(has(found("Martin Luther King spoke in Atlanta."), "PERSON|Martin Luther King|Martin Luther King"));
}

TEST_CASE("built-in aliases group countries", "[entities]") {
  auto f = found("Officials in the U.S. and the UK met in Washington with the EU.");
  CHECK(has(f, "GPE|United States|U.S."));
  CHECK(has(f, "GPE|United Kingdom|UK"));
  CHECK(has(f, "ORG|European Union|EU"));
}

TEST_CASE("a rename holds from its day on", "[entities]") {
  const std::string text = "Facebook said its users in Dunmore would see the change.";
  auto found_on = [&](const std::string &published) { return found(text, {}, published); };
  CHECK(has(found_on("2016-05-02"), "ORG|Facebook|Facebook"));
  CHECK(has(found_on("2016-05"), "ORG|Facebook|Facebook"));
  CHECK(has(found_on("2021-10-28"), "ORG|Meta|Facebook"));
  CHECK(has(found_on("2024-01-15"), "ORG|Meta|Facebook"));
  CHECK(has(found_on(""), "ORG|Meta|Facebook")); // undated: today's name
}

TEST_CASE("a person's name ends before 'in' or 'and'", "[entities]") {
  size_t next = 99;
  auto end_of = [&](const std::vector<std::string> &words) {
    std::vector<std::u32string> u;
    std::vector<std::string> folded;
    for (const std::string &x : words) u.push_back(decode_utf8(x)), folded.push_back(fold_for_match(x));
    const std::vector<std::u32string_view> w(u.begin(), u.end());
    const std::vector<std::string_view> f(folded.begin(), folded.end());
    return person_name_end(w, f, 0, w.size(), &next);
  };
  CHECK(end_of({"Clinton", "in", "Reno"}) == 1);
  CHECK(next == 0);
  CHECK(end_of({"Clinton", "and", "Bernie", "Sanders"}) == 1);
  CHECK(next == 2);
  CHECK(end_of({"Ludwig", "van", "Beethoven"}) == 3);
  CHECK(next == 0);
  CHECK(end_of({"Young", "Americans", "for", "Freedom"}) == 4); // an organisation's words: left alone
  CHECK(end_of({"Smith", "and"}) == 2); // nothing after it: the edge rules trim it
}

TEST_CASE("a chamber's title before a name: the chamber and the person", "[entities]") {
  auto f = found("Senate Majority Leader Mitch McConnell said the bill would pass. House Speaker Paul Ryan agreed.");
  CHECK(has(f, "PERSON|Mitch McConnell|Mitch McConnell"));
  CHECK(has(f, "ORG|Senate|Senate"));
  CHECK(has(f, "PERSON|Paul Ryan|Paul Ryan"));
  CHECK(has(f, "ORG|House|House"));
  for (const std::string &x : f) CHECK(x.find("Leader") == std::string::npos);
  CHECK(has(found("Lawmakers on Capitol Hill said the deal was dead."), "LOC|Capitol Hill|Capitol Hill"));
}

TEST_CASE("a title with a period opens a person's name, wherever the tagger's span began", "[entities]") {
  CHECK(has(found("Sen. Elizabeth Warren asked questions."), "PERSON|Elizabeth Warren|Elizabeth Warren"));
  auto f = found("Take Idaho Republican Sens. Mike Crapo and Jim Risch. Last week, they spoke.");
  CHECK(has(f, "PERSON|Mike Crapo|Mike Crapo"));
  CHECK(has(f, "PERSON|Jim Risch|Jim Risch"));
  for (const std::string &x : f) CHECK(x.find("Sens") == std::string::npos);
}

TEST_CASE("a first name joins the name after its middle initial, whatever the tagger typed it", "[entities]") {
  auto f = found("I had wised up by the 2000 election, but many other leftists had not, with the result being "
                 "that George W. Bush snatched victory from Al Gore.");
  CHECK(has(f, "PERSON|George W. Bush|George W. Bush"));
}

TEST_CASE("a product's name that is a person's family name in the article is the person", "[entities]") {
  auto f = found("Morton Blackwell, the conservative icon, has endorsed Sen. Ted Cruz for president. "
                 "The letter from Blackwell was sent Friday.");
  CHECK(has(f, "PERSON|Morton Blackwell|Blackwell"));
  for (const std::string &x : f) CHECK(x.rfind("PRODUCT", 0) == std::string::npos);
  CHECK(has(found("Nvidia shipped its Blackwell chips."), "PRODUCT|Blackwell|Blackwell"));
}

TEST_CASE("between a title and a one-word person, a capitalised word is the given name", "[entities]") {
  CHECK(has(found("Defense Secretary Ash Carter spoke with his counterpart."), "PERSON|Ash Carter|Ash Carter"));
}

TEST_CASE("groups are no people", "[entities]") {
  for (const std::string &x : found("Many Muslim Americans voted early, and Asian Americans too."))
    CHECK(x.find("Americans") == std::string::npos);
}

TEST_CASE("values are normalised", "[entities]") {
  auto ms = run("The firm lost $7 billion, or 2% of its value, on Feb 01, 2025, "
                "after raising €40m in October 2024.");
  std::set<std::string> v;
  for (const auto &m : ms)
    if (m.value) v.insert(m.type + "=" + *m.value);
  CHECK(v.count("MONEY=7000000000 USD"));
  CHECK(v.count("PERCENT=0.02"));
  CHECK(v.count("DATE=2025-02-01"));
  CHECK(v.count("MONEY=40000000 EUR"));
  CHECK(v.count("DATE=2024-10"));
}

TEST_CASE("products and model codes", "[entities]") {
  auto f = found("Users compared ChatGPT with DeepSeek's R1 model and Llama 3.1 on GPT-4o tasks.");
  CHECK(has(f, "PRODUCT|ChatGPT|ChatGPT"));
  CHECK(has(f, "PRODUCT|R1|R1"));
  CHECK(has(f, "PRODUCT|Llama 3.1|Llama 3.1"));
  CHECK(has(f, "PRODUCT|GPT-4o|GPT-4o"));
}

TEST_CASE("'Toronto-based' yields Toronto; possessives are dropped", "[entities]") {
  auto f = found("The Toronto-based start-up sued Brightwater Analytics\xE2\x80\x99s parent in court.");
  CHECK(has(f, "GPE|Toronto|Toronto"));
  CHECK(has(f, "ORG|Brightwater Analytics|Brightwater Analytics"));
}

TEST_CASE("labels and titles are not entities", "[entities]") {
  auto f = found("Key Takeaways\n\nHowever, those plans changed.\n\nStaff Writer\n\n"
                 "Chief Product Officer\n\nThe big picture");
  for (const std::string &x : f) {
    CHECK(x.find("Takeaways") == std::string::npos);
    CHECK(x.find("However") == std::string::npos);
    CHECK(x.find("Writer") == std::string::npos);
    CHECK(x.find("Officer") == std::string::npos);
  }
}

TEST_CASE("user aliases come first", "[entities]") {
  AliasMap a;
  a[fold_for_match("Larkspur")] = Alias{"Larkspur Labs Inc", "ORG", ""};
  auto f = found("Larkspur hired Maria Lopez in Toronto.", a);
  CHECK(has(f, "ORG|Larkspur Labs Inc|Larkspur"));
}

TEST_CASE("offsets point at the mention in code points", "[entities]") {
  std::string s = "Caf\xC3\xA9 owners in M\xC3\xBCnchen met Angela Roth.";
  std::u32string t = decode_utf8(s);
  for (const auto &m : run(s))
    CHECK(encode_utf8(std::u32string_view(t).substr(m.span.start, m.span.size())) == m.mention);
}

TEST_CASE("entities: hostile input stays linear and sensible", "[entities][generated]") {
  std::string caps;
  for (int i = 0; i < 10000; ++i) caps += (i % 7 ? "Alpha " : "Beta ");
  auto ms = run(caps);
  CHECK(ms.size() <= 10000);

  std::string upper;
  for (int i = 0; i < 2000; ++i) upper += "THE COMPANY SAID SALES ROSE IN CANADA. ";
  CHECK(run(upper).size() <= 4000);

  std::string lower;
  for (int i = 0; i < 5000; ++i) lower += "the company said sales rose in canada ";
  CHECK(run(lower).size() <= 5000);

  std::string table;
  for (int i = 0; i < 5000; ++i) table += std::to_string(i) + " | " + std::to_string(i * 7) + ".5 | 12%\n";
  for (const auto &m : run(table)) CHECK((m.type == "PERCENT" || m.type == "MONEY" || m.type == "DATE"));

  std::string nostop(1 << 20, 'a');
  for (size_t i = 5; i < nostop.size(); i += 6) nostop[i] = ' ';
  CHECK(run(nostop).empty());

  // Many names and their short forms, towns before states, 'X, owned by':
  // the document pass's lists stay bounded per word.
  std::string names;
  for (int i = 0; i < 3000; ++i)
    names += "Since Dana Quill" + std::to_string(i % 97) + " promised, Quill" + std::to_string(i % 97) +
             " wrote. Acme Systems and Acme rose in Austin, Texas, and Waymo, owned by Alphabet, fell. ";
  auto nm = run(names);
  CHECK(!nm.empty());
  CHECK(nm.size() <= 3000 * 12);

  CHECK(run("").empty());
  CHECK(run("\xEF\xBF\xBD\xEF\xBF\xBD").empty());
}

TEST_CASE("document pass: modern organisation names from shape, cues and consistency", "[entities]") {
  auto f = found("OpenAI released GPT-4o in May. Microsoft and Nvidia rallied. DeepSeek\u2019s R1 model "
                 "rattled Silicon Valley, said Jane Roe of the Futurum Group. Anthropic and Google "
                 "DeepMind declined to comment. The Toronto-based startup Cohere raised money. OpenAI "
                 "CEO Sam Altman spoke. Altman said OpenAI, Inc. would respond.");
  CHECK(has(f, "ORG|OpenAI|OpenAI"));
  CHECK(has(f, "ORG|Nvidia|Nvidia"));
  CHECK(has(f, "ORG|DeepSeek|DeepSeek"));
  CHECK(has(f, "ORG|Anthropic|Anthropic"));
  CHECK(has(f, "ORG|Google DeepMind|Google DeepMind"));
  CHECK(has(f, "ORG|Cohere|Cohere"));
  CHECK(has(f, "GPE|Toronto|Toronto"));
  CHECK(has(f, "PERSON|Sam Altman|Sam Altman"));
  CHECK(has(f, "PERSON|Sam Altman|Altman"));
  for (const std::string &x : f) CHECK(x.rfind("GPE|Nvidia", 0) == std::string::npos);
}

TEST_CASE("document pass: cues and shapes in 2025-style news", "[entities]") {
  auto f = found("Investors poured money into the startup Mistral last year. Shares of Palantir "
                 "rose 4% after the report. A GitHub spokesperson said the outage was fixed. "
                 "The chipmaker said demand for its chips was strong, according to analysts at "
                 "Bernstein. Perplexity, a search startup, raised $500 million. "
                 "Lawmakers in Texas and California pressed the companies.");
  CHECK(has(f, "ORG|Mistral|Mistral"));
  CHECK(has(f, "ORG|Palantir|Palantir"));
  CHECK(has(f, "ORG|GitHub|GitHub"));
  // Known gap: a sentence-initial common word with an appositive ('Perplexity, a
  // search startup') is not yet found.
  CHECK_NOFAIL(has(f, "ORG|Perplexity|Perplexity"));
  CHECK(has(f, "GPE|Texas|Texas"));
  CHECK(has(f, "GPE|California|California"));
}

TEST_CASE("document pass: companies the tagger mistakes, from the registered-organisation gazetteer",
          "[entities]") {
  auto f = found("Amazon and Walmart reported higher sales on Tuesday. Microsoft, Google and Meta are "
                 "spending more on data centers. Huawei said it would comply. Michael Dell said the "
                 "market was strong. Dell added that prices would fall. Lawmakers in Georgia "
                 "questioned the plan.");
  CHECK(has(f, "ORG|Amazon|Amazon"));  // the tagger's 1996 data: a river
  CHECK(has(f, "ORG|Google|Google"));  // the tagger: a person
  CHECK(has(f, "ORG|Huawei|Huawei"));  // before a reporting verb
  // A word of a person's longer name stays a person; a place stays a place.
  CHECK(has(f, "PERSON|Michael Dell|Dell"));
  CHECK_FALSE(has(f, "ORG|Dell|Dell"));
  CHECK(has(f, "GPE|Georgia|Georgia"));
  // Untagged or called MISC mid-sentence, a registered name that is no common word.
  CHECK(has(found("They have taken share at the premium end, and Xiaomi is squeezing them from below."),
            "ORG|Xiaomi|Xiaomi"));
  // Known gap: a company the registry does not list ('Walmart') keeps the
  // tagger's type.
}

TEST_CASE("document pass: coordination again after consistency", "[entities]") {
  // Tencent is an ORG only by the later cue; Alibaba, beside it, follows.
  auto f = found("Alibaba and Tencent said they would keep buying domestic chips. "
                 "\"We have options,\" a Tencent spokesperson said.");
  CHECK(has(f, "ORG|Tencent|Tencent"));
  CHECK(has(f, "ORG|Alibaba|Alibaba"));
}

TEST_CASE("names in capitals: the article's own spelling, else Title Case for places and people", "[entities]") {
  auto f = found("SHANGHAI \u2014 Regulators fined the company, NVIDIA said. Nvidia said demand was strong. "
                 "NATO said nothing.");
  CHECK(has(f, "GPE|Shanghai|SHANGHAI"));
  CHECK(has(f, "ORG|Nvidia|NVIDIA")); // the article's mixed-case form
  CHECK(has(f, "ORG|NATO|NATO"));     // an organisation in capitals may be an acronym
}

TEST_CASE("document pass: a name after 'at' and a noun of work is the organisation", "[entities]") {
  auto f = found("\"Nobody has spent money like this,\" said Gil Luria, head of technology research at "
                 "D.A. Davidson. Maria Chen, a professor of economics at Johns Hopkins, disagreed. "
                 "She met Paul Jones at the airport. Edwin Lyman, director of nuclear power safety at the "
                 "Union of Concerned Scientists, said so.");
  CHECK(has(f, "ORG|Union of Concerned Scientists|Union of Concerned Scientists"));
  CHECK(has(f, "ORG|D.A. Davidson|D.A. Davidson"));
  CHECK(has(f, "ORG|Johns Hopkins|Johns Hopkins"));
  CHECK(has(f, "PERSON|Gil Luria|Gil Luria"));
  CHECK(has(f, "PERSON|Paul Jones|Paul Jones")); // 'met X at': no noun of work before 'at'
}

TEST_CASE("months and weekdays without a year are dates of the publication's time", "[entities]") {
  const std::string text = "The council said on Monday it had moved the vote from January to April. It will "
                           "vote on Tuesday. Sales fell last Friday after the plan was announced on Jan. 5. "
                           "Theresa May said so. It has been paused since June. Officials said Thursday "
                           "that Wednesday's vote stands. May I add that March is cold?";
  std::set<std::string> got;
  for (const EntityMention &m : extract_entities(make_document(decode_utf8(text)), {}, "2025-03-03"))
    if (m.type == "DATE") got.insert(m.mention + "|" + m.value.value_or("NULL"));
  CHECK(got == std::set<std::string>{"Monday|2025-03-03", "January|2025-01", "April|2025-04", "Tuesday|2025-03-04",
                                     "Friday|2025-02-28", "Jan. 5|2025-01-05", "June|2024-06",
                                     "Thursday|2025-02-27", "Wednesday|2025-02-26"});
  // Without a publication date there is no anchor: no such DATE.
  for (const EntityMention &m : run(text)) CHECK(m.type != "DATE");
}

TEST_CASE("document pass: a corporate suffix the tagger split off joins its name", "[entities]") {
  auto f = found("OpenAI, Inc. and OpenAI agreed. Apple Inc. said so. Microsoft Corp. and Nvidia rose.");
  CHECK(has(f, "ORG|OpenAI|OpenAI, Inc."));
  CHECK(has(f, "ORG|Apple|Apple Inc."));
  CHECK(has(f, "ORG|Microsoft|Microsoft Corp."));
  CHECK_FALSE(has(f, "ORG|Inc.|Inc."));
}

TEST_CASE("a product's maker is an organisation", "[entities]") {
  auto f = found("Meta's Llama 3.1 and Anthropic's Claude 3.5 Sonnet compete. Microsoft Copilot was shown. "
                 "China's DeepSeek R1 was cheap. The new ChatGPT app is popular.");
  CHECK(has(f, "ORG|Meta|Meta"));
  CHECK(has(f, "ORG|Anthropic|Anthropic"));
  CHECK(has(f, "ORG|Microsoft|Microsoft"));
  CHECK(has(f, "PRODUCT|Copilot|Copilot"));
  CHECK(has(f, "GPE|China|China")); // a place stays a place
  CHECK(has(f, "PRODUCT|ChatGPT|ChatGPT"));
  // the name before 'released' and a product; an unknown word the tagger
  // took for a place, before its product
  auto g = found("Prices fell after Anthropic released Claude 3.7 Sonnet this week. Analysts pointed to "
                 "Alibaba's Qwen2.5-Max as a sign of competition from China.");
  CHECK(has(g, "ORG|Anthropic|Anthropic"));
  CHECK(has(g, "ORG|Alibaba|Alibaba"));
  CHECK(has(g, "GPE|China|China"));
}

TEST_CASE("an organisation's short form resolves to its one longer name in the article", "[entities]") {
  // Fictional names: the rule, not the tagger's memory of them.
  auto f = found("Quellmark Systems filed for an IPO on Tuesday. Andrew Feld, chief executive of Quellmark, "
                 "told reporters the review was routine. The Vantor Commission opened a probe. The Commission "
                 "said it would decide in June.");
  CHECK(has(f, "ORG|Quellmark Systems|Quellmark")); // typed and named as its long form
  CHECK(has(f, "ORG|Vantor Commission|Commission"));
  // Taken for a MISC name ('An Arclight spokeswoman'), the company's first word is still the company.
  CHECK(has(found("Arclight Semiconductor is exploring a sale of its memory unit. An Arclight spokeswoman "
                  "declined to comment."),
            "ORG|Arclight Semiconductor|Arclight"));
  // Two commissions: 'the Commission' is left as written.
  auto g = found("The Vantor Commission and the Data Protection Commission met. The Commission said no.");
  CHECK(has(g, "ORG|Commission|Commission"));
  // A name an alias shortened is its own name; 'AI' ends products too.
  auto h = found("Meta Platforms was fined. Meta said Meta AI would pause in Europe.");
  CHECK(has(h, "ORG|Meta|Meta"));
  CHECK_FALSE(has(h, "ORG|Meta AI|Meta"));
  // Not every longer name: 'Google DeepMind' is another organisation.
  auto k = found("Google said Google DeepMind would publish the model.");
  CHECK(has(k, "ORG|Google|Google"));
}

TEST_CASE("document pass: a lone surname the tagger gave to the organisation is the person", "[entities]") {
  auto f = found("Apple CEO Tim Cook said the market was hard. Cook blamed part of the decline on inventory.");
  CHECK(has(f, "PERSON|Tim Cook|Cook"));
  CHECK_FALSE(has(f, "ORG|Cook|Cook"));
}

TEST_CASE("document pass: a name and the company words after it are one organisation", "[entities]") {
  auto f = found("Ofwat fined Thames Water on Friday. Thames Water said it would appeal, and China Mobile rose.");
  CHECK(has(f, "ORG|Thames Water|Thames Water"));
  CHECK(has(f, "ORG|China Mobile|China Mobile"));
  CHECK_FALSE(has(f, "ORG|Thames|Thames"));
}

TEST_CASE("document pass: a person the tagger took for an organisation, and her first name", "[entities]") {
  auto f = found("The launch is the third delay since Elon Musk promised the cars. \"We're ready,\" Musk wrote "
                 "on Tuesday. \"I think Elon will get there,\" an analyst said.");
  CHECK(has(f, "PERSON|Elon Musk|Elon Musk"));
  CHECK(has(f, "PERSON|Elon Musk|Musk"));
  CHECK(has(f, "PERSON|Elon Musk|Elon"));
  // A team or company shortened with 'the' stays what it was.
  auto g = found("He spent his career with the Philadelphia Eagles. The Eagles thanked him.");
  CHECK_FALSE(has(g, "PERSON|Philadelphia Eagles|Philadelphia Eagles"));
  // 'X, owned by Y': an organisation.
  CHECK(has(found("Waymo, owned by Alphabet, runs driverless cars in Phoenix."), "ORG|Waymo|Waymo"));
}

TEST_CASE("document pass: a title with a period opens a person's name; party labels are no names", "[entities]") {
  auto f = found("The bill, sponsored by Sen. Amy Klobuchar (D-Minn.) and Sen. Josh Hawley (R-Mo.), now heads to "
                 "the full Senate. Hawley called it a first step.");
  CHECK(has(f, "PERSON|Josh Hawley|Josh Hawley"));
  CHECK(has(f, "PERSON|Josh Hawley|Hawley"));
  for (const std::string &x : f) CHECK(x.find("R-Mo") == std::string::npos);
}

TEST_CASE("document pass: an institution's name goes on through 'for' and 'on'", "[entities]") {
  auto f = found("According to the Brennan Center for Justice, 20 states acted. The Institute for Fiscal Studies "
                 "agreed. The U.N. Security Council on Friday condemned it.");
  CHECK(has(f, "ORG|Brennan Center for Justice|Brennan Center for Justice"));
  CHECK(has(f, "ORG|Institute for Fiscal Studies|Institute for Fiscal Studies"));
  CHECK(has(f, "ORG|U.N. Security Council|U.N. Security Council")); // not 'on Friday'
}

TEST_CASE("an acronym the article defines stands for its name; 'X and Y Administration' is one name", "[entities]") {
  auto f = found("Figures came from the European Heat Pump Association (EHPA) on Tuesday. The group's head said "
                 "EHPA would publish more. The Food and Drug Administration (FDA) agreed, and the FDA said so. "
                 "Google and Microsoft Research disagreed.");
  CHECK(has(f, "ORG|European Heat Pump Association|EHPA"));
  CHECK(has(f, "ORG|Food and Drug Administration|Food and Drug Administration"));
  CHECK(has(f, "ORG|Food and Drug Administration|FDA"));
  CHECK(has(f, "ORG|Google|Google")); // a name is no common word: no join
}

TEST_CASE("document pass: names the tagger breaks at '&', a possessive, an ordinal or an initial", "[entities]") {
  auto f = found("Priti Sandhu, an analyst at the broker Halden & Rowe, said the results were strong. "
                 "Dr. J. R. Whitfield, a co-author, was more cautious. St. Brigid's Hospital in Carrow will "
                 "test the tool. The line runs between 3rd Street and Eastgate, past a shop on King Street West. "
                 "Sunita Rao, a researcher at the Edinburgh Centre for Machine Evaluation, agreed.");
  CHECK(has(f, "ORG|Halden & Rowe|Halden & Rowe"));
  CHECK(has(f, "PERSON|J. R. Whitfield|J. R. Whitfield"));
  CHECK(has(f, "ORG|St. Brigid's Hospital|St. Brigid's Hospital"));
  CHECK(has(f, "GPE|Carrow|Carrow"));
  CHECK(has(f, "LOC|3rd Street|3rd Street"));
  CHECK(has(f, "LOC|King Street West|King Street West"));
  CHECK(has(f, "ORG|Edinburgh Centre for Machine Evaluation|Edinburgh Centre for Machine Evaluation"));
  CHECK(has(f, "PERSON|Sunita Rao|Sunita Rao"));
  // none of these: a sentence opening with a possessive common word, a '&' at a sentence start
  auto g = found("Today's Board meeting ran late. Sales & Marketing is a team name in the memo.");
  CHECK(!has(g, "ORG|Today's Board|Today's Board"));
  CHECK(!has(g, "ORG|Sales & Marketing|Sales & Marketing"));
}

TEST_CASE("a name ending in an island, a harbour or a lake is a place, whatever the tagger said", "[entities]") {
  auto f = found("Passengers on the Tern Island ferry will pay more, while the ferry to nearby Cole Harbor "
                 "stays free. Dana Lee has lived on Tern Island since 1990.");
  CHECK(has(f, "LOC|Tern Island|Tern Island"));
  CHECK(has(f, "LOC|Cole Harbor|Cole Harbor"));
  CHECK(has(f, "PERSON|Dana Lee|Dana Lee"));
}

TEST_CASE("a place's first word left alone, an institution's opening words, 'Lake X'", "[entities]") {
  // A page in the genre (written for this test): in it the tagger gives
  // 'San' alone, 'Bureau Federation' without its first words (after the
  // consistency pass made 'California' a place) and 'Lake Oroville' a person.
  auto f = found(R"(Governor signs water bill as drought deepens

By Alicia Brandt | March 3, 2025 | 4 min read

SACRAMENTO, Calif. — Gov. Teresa Halloran signed a $1.2 billion water bill on Monday, calling it "the most important thing we will do this year."

The measure, which passed the state Senate 31-9 last week, funds new storage on the Sacramento River and pays farmers in the San Joaquin Valley to leave fields fallow.

"This isn't a bailout," Halloran told reporters at the Capitol. "It's insurance."

Not everyone agreed. Assemblyman Rick Dunleavy (R-Fresno) called the bill "a giveaway to Los Angeles," and the California Farm Bureau Federation said it had been "shut out of the room."

Sen. Maria Okafor, who wrote the bill, said she expected a court challenge. "We'll see them in court, and we'll win," she said.

The Department of Water Resources said deliveries would rise by 15% next year.

Read more:
Why California keeps running out of water
The fight over Lake Oroville
)");
  CHECK(has(f, "LOC|San Joaquin Valley|San Joaquin Valley"));
  CHECK(has(f, "ORG|Farm Bureau Federation|Farm Bureau Federation"));
  CHECK(has(f, "LOC|Lake Oroville|Lake Oroville"));
  CHECK(has(found("The round was led by Ardent Growth, the fund said."), "ORG|Ardent Growth|Ardent Growth"));
  // a proper name opening the organisation takes nothing before it
  auto g = found("Company Name Homegate Hospitality Inc filed its results.");
  CHECK(has(g, "ORG|Homegate Hospitality|Homegate Hospitality Inc"));
}

TEST_CASE("honorifics, newspapers, 'I'm' and religious groups", "[entities]") {
  auto f = found("The Washington Post columnist Ruth Marcus has been critical of Mr. Trump but on Tuesday wrote "
                 "that she agreed with him. Ms. Khan said Mr. Trump was wrong about Muslims. ''I'm sure,'' she "
                 "told The New York Times.");
  CHECK(has(f, "ORG|Washington Post|The Washington Post"));
  CHECK(has(f, "ORG|New York Times|The New York Times"));
  CHECK(has(f, "PERSON|Trump|Trump"));
  for (const std::string &x : f) {
    CHECK(x.find("Mr.") == std::string::npos);
    CHECK(x.find("I'm") == std::string::npos);
    CHECK(x.find("Muslims") == std::string::npos);
  }
  // events, holidays and generations are no names
  for (const std::string &x : found("On Election Day, Millennials voted. The Cold War ended long before the Great "
                                    "Recession, and Brexit loomed over Super Tuesday."))
    CHECK((x.rfind("DATE", 0) == 0 || x.rfind("MONEY", 0) == 0)); // no PERSON, ORG, GPE, LOC
  // 'St. Louis' keeps its first word
  CHECK(has(found("The team flew to St. Louis on Friday."), "GPE|St. Louis|St. Louis"));
}

TEST_CASE("a person's surname that also opens organisations named after them is the person alone", "[entities]") {
  auto f = found("Marcus Delacroix built his fortune in hotels. Delacroix University closed in 2010 and the "
                 "Delacroix Organization sold the Delacroix Plaza Hotel. Delacroix said the school had been "
                 "a success. Students sued Delacroix in 2013. The Delacroix Foundation gave $1 million, "
                 "and Delacroix's lawyers said the suit was baseless. Delacroix denied it.");
  CHECK(has(f, "PERSON|Marcus Delacroix|Delacroix"));
  CHECK(has(f, "ORG|Delacroix University|Delacroix University"));
  CHECK_FALSE(has(f, "ORG|Delacroix|Delacroix"));
}

TEST_CASE("headline capitals, a person 'in' a place, 'Secretary of State X', a function word alone", "[entities]") {
  // A headline with its short function words in lower case.
  auto f = found("Donald Trump Denies Mike Tyson Invited to Appear at GOP Convention.\n\nIn a statement, "
                 "Rubio in New Hampshire said Secretary of State Hillary Clinton was wrong.");
  for (const std::string &x : f) {
    CHECK(x.find("Denies") == std::string::npos);
    CHECK(x.find("|In|") == std::string::npos);
    CHECK(x.find("State Hillary") == std::string::npos);
  }
  CHECK(has(f, "PERSON|Donald Trump|Donald Trump"));
  CHECK(has(f, "PERSON|Hillary Clinton|Hillary Clinton"));
  CHECK(has(f, "GPE|New Hampshire|New Hampshire"));
  // A sentence of names joined by 'and' is no headline.
  CHECK(has(found("The Vantor Commission and the Data Protection Commission met."),
            "ORG|Data Protection Commission|Data Protection Commission"));
}

TEST_CASE("document pass: a town before a US state is a place", "[entities]") {
  auto f = found("The Menlo Park, Calif., company paused the launch. It moved from Round Rock, Texas, to "
                 "Burlington, N.C. last year.");
  CHECK(has(f, "GPE|Menlo Park|Menlo Park"));
  CHECK(has(f, "GPE|California|Calif."));
  CHECK(has(f, "GPE|Round Rock|Round Rock"));
  CHECK(has(f, "GPE|Burlington|Burlington"));
  CHECK(has(f, "GPE|North Carolina|N.C."));
}

TEST_CASE("a product family with its version glued on", "[entities]") {
  auto f = found("Alibaba unveiled Qwen2.5-Max. Copilot now runs on Phi-4, and OpenAI shipped GPT-4.1. "
                 "Phi Beta Kappa met.");
  CHECK(has(f, "PRODUCT|Qwen2.5-Max|Qwen2.5-Max"));
  CHECK(has(f, "PRODUCT|Phi-4|Phi-4"));
  CHECK(has(f, "PRODUCT|GPT-4.1|GPT-4.1"));
  CHECK_FALSE(has(f, "PRODUCT|Phi|Phi")); // 'Phi-' counts only with a version
}

TEST_CASE("every word list the entity rules use is in ext/data/entity_words.txt", "[entities]") {
  // Each section named in entities.cpp, with a word it must hold: a missing
  // section would silently turn its rule off.
  const std::pair<const char *, const char *> kSections[] = {
      {"month_or_weekday", "sept."}, {"version_word", "sonnet"},      {"model_code", "q1"},
      {"product_cue", "chips"},      {"name_particle", "van"},        {"role_word", "staff"},
      {"generic_acronym", "ceo"},    {"org_head", "university"},      {"org_noun", "startup"},
      {"org_noun_plural", "rivals"}, {"org_follower", "spokesperson"}, {"inner_role", "ceo"},
      {"corp_suffix", "inc."},       {"company_head", "ventures"},    {"title_case_function_word", "and"},
      {"phrase_opener", "the"},      {"date_prepositions", "on"},     {"future_cues", "will"},
      {"year_prepositions", "since"}, {"landform", "river"},          {"street_head", "avenue"},
      {"us_state", "calif."},         {"us_state", "new_york"},      {"org_passive", "owned"}};
  for (const auto &[section, word] : kSections) {
    INFO(section);
    CHECK(entity_words(section).has(word));
    CHECK_FALSE(entity_words(section).has("no-such-word-xyz"));
  }
  CHECK_FALSE(entity_words("no_such_section").has("university"));
}

TEST_CASE("'X magazine' is an organisation, eponymous diseases are no names", "[entities]") {
  // 'X magazine': an organisation (the tagger took 'Forbes' for a person there).
  auto g = found("Wealth trackers disagree. Forbes says it tracks 500 more family fortunes, and Forbes magazine "
                 "started the rich-list craze in 1982.");
  CHECK(has(g, "ORG|Forbes|Forbes"));
  CHECK_FALSE(has(g, "PERSON|Forbes|Forbes"));
  // 'Alzheimer's' is a disease, not a person.
  for (const std::string &x : found("The governor has made Alzheimer's a campaign issue. A woman whose father had "
                                    "Alzheimer's spoke first."))
    CHECK(x.find("Alzheimer") == std::string::npos);
}

TEST_CASE("'Super Tuesday' is an event, 'super PAC' no name", "[entities]") {
  const std::string text = "Sanders won two states on Super Tuesday, and a super PAC backing him spent $2 million. "
                           "Two PACs ran ads on Monday.";
  std::set<std::string> got;
  for (const EntityMention &m : extract_entities(make_document(decode_utf8(text)), {}, "2016-03-03"))
    got.insert(m.type + "|" + m.mention);
  CHECK_FALSE(got.count("ORG|Super"));
  CHECK_FALSE(got.count("DATE|Tuesday"));
  CHECK_FALSE(got.count("ORG|PAC"));
  CHECK_FALSE(got.count("ORG|PACs"));
  CHECK(got.count("DATE|Monday")); // a weekday alone is still a date
}

TEST_CASE("'X spokesman' makes no organisation of a person the article names", "[entities]") {
  auto f = found("Senator Mara Venn toured the harbor on Friday. Venn spokesman Leo Park said the senator would "
                 "vote for the bill. Venn told reporters she was confident. Neither Venn nor her allies expect a "
                 "delay.");
  CHECK(has(f, "PERSON|Mara Venn|Venn"));
  CHECK_FALSE(has(f, "ORG|Venn|Venn"));
  // A company's spokesperson still makes the company.
  CHECK(has(found("Halvorsen Shipping reported a loss. Halvorsen spokesperson Ana Ruiz said the quarter was hard."),
            "ORG|Halvorsen Shipping|Halvorsen Shipping"));
}

TEST_CASE("document pass: a surname the tagger took for an organisation is the person, even when the first name stands alone", "[entities]") {
  // 'Bernie Sanders ... Bernie ... Sanders supporters': the tagger's ORG for
  // the lone surname follows the person (it kept the ORG while 'Bernie'
  // alone was a person, a guard meant for places: 'Lebed Chechnya').
  const std::vector<std::u32string> words = {U"Bernie", U"Sanders", U"spoke", U".", U"Bernie", U"smiled", U".",
                                             U"Sanders", U"supporters", U"cheered", U"."};
  std::vector<std::u32string_view> w(words.begin(), words.end());
  std::vector<std::string> folded;
  for (const auto &x : words) folded.push_back(fold_for_match(encode_utf8(x)));
  std::vector<std::string_view> f(folded.begin(), folded.end());
  std::vector<uint8_t> starts = {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0};
  using namespace lede::ner;
  std::vector<uint8_t> tags = {B_PER, I_PER, O, O, B_PER, O, O, B_ORG, O, O, O};
  document_name_pass(w, f, starts, tags, Gazetteer::builtin());
  CHECK(tags[7] == B_PER);
  CHECK(tags[4] == B_PER);
  // Taken for a place, the guard stands: 'Lebed Chechnya' is two names.
  const std::vector<std::u32string> words2 = {U"Lebed", U"Chechnya", U"talks", U".", U"Lebed", U"said", U".",
                                              U"Chechnya", U"burned", U"."};
  std::vector<std::u32string_view> w2(words2.begin(), words2.end());
  std::vector<std::string> folded2;
  for (const auto &x : words2) folded2.push_back(fold_for_match(encode_utf8(x)));
  std::vector<std::string_view> f2(folded2.begin(), folded2.end());
  std::vector<uint8_t> starts2 = {1, 0, 0, 0, 1, 0, 0, 1, 0, 0};
  std::vector<uint8_t> tags2 = {B_PER, I_PER, O, O, B_PER, O, O, B_LOC, O, O};
  document_name_pass(w2, f2, starts2, tags2, Gazetteer::builtin());
  CHECK(tags2[7] == B_LOC);
}

TEST_CASE("document pass: a surname mostly taken for an organisation, once for a place, is the person", "[entities]") {
  // 'Is Sanders …' of a headline as a place, then 'Bernie Sanders', then
  // 'Sanders campaign' twice as an organisation.
  const std::vector<std::u32string> words = {U"Is",  U"Sanders", U"winning", U"?",  U"Bernie",   U"Sanders",
                                             U"spoke", U".",     U"Sanders", U"aides", U"cheered", U".",
                                             U"Sanders", U"staff", U"left",  U"."};
  std::vector<std::u32string_view> w(words.begin(), words.end());
  std::vector<std::string> folded;
  for (const auto &x : words) folded.push_back(fold_for_match(encode_utf8(x)));
  std::vector<std::string_view> f(folded.begin(), folded.end());
  std::vector<uint8_t> starts = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
  using namespace lede::ner;
  std::vector<uint8_t> tags = {O, B_LOC, O, O, B_PER, I_PER, O, O, B_ORG, O, O, O, B_ORG, O, O, O};
  document_name_pass(w, f, starts, tags, Gazetteer::builtin());
  CHECK(tags[8] == B_PER);
  CHECK(tags[12] == B_PER);
}

TEST_CASE("a first name before a person opening with a middle initial is one person", "[entities]") {
  auto f = found("The Mexican president has already tripped over himself trying to deal with Donald J. Trump. "
                 "Many voters felt betrayed when he invited Mr. Trump to a meeting.");
  CHECK(has(f, "PERSON|Donald J. Trump|Donald J. Trump"));
  CHECK(has(f, "PERSON|Donald J. Trump|Trump"));
  CHECK_FALSE(has(f, "PERSON|Donald|Donald"));
}
