// test_names.cpp — clean_name and NameIndex (names.hpp).
#include "names.hpp"

#include "lede_catch.hpp"

using namespace lede;

TEST_CASE("clean_name strips what never belongs to a name", "[names]") {
  CHECK(clean_name("DeepSeek's", "ORG") == "DeepSeek");
  CHECK(clean_name("DeepSeek\xE2\x80\x99s", "ORG") == "DeepSeek");
  CHECK(clean_name("OpenAI, Inc.", "ORG") == "OpenAI");
  CHECK(clean_name("OpenAI Inc", "ORG") == "OpenAI");
  CHECK(clean_name("the Futurum Group", "ORG") == "Futurum Group");
  CHECK(clean_name("OpenAI CEO Sam Altman", "PERSON") == "Sam Altman");
  CHECK(clean_name("Dr. Jane Roe", "PERSON") == "Jane Roe");
  CHECK(clean_name("Mr Hale", "PERSON") == "Hale");
  CHECK(clean_name("Mr\xC2\xA0Hale", "PERSON") == "Hale"); // no-break space
  CHECK(clean_name("Chief Product Officer Kim Lee", "PERSON") == "Kim Lee");
  CHECK(clean_name("Assemblywoman Rosa Delgado", "PERSON") == "Rosa Delgado");
  CHECK(clean_name("Billionaire Tom Steyer", "PERSON") == "Tom Steyer");
  CHECK(clean_name("Sheriff Joe Arpaio", "PERSON") == "Joe Arpaio");
  CHECK(clean_name("CEO", "PERSON") == "CEO"); // nothing left to strip to
  CHECK(clean_name("  ", "ORG").empty());
}

TEST_CASE("NameIndex resolves a person's short forms", "[names]") {
  NameIndex ix;
  for (const char *n : {"Altman", "Sam Altman", "Sam", "Lee", "Kai-Fu Lee"}) ix.add(n, "PERSON");
  ix.add("Microsoft", "ORG");
  ix.add("Microsoft Research", "ORG");
  CHECK(ix.canonical("Altman", "PERSON") == "Sam Altman");
  CHECK(ix.canonical("altman", "PERSON") == "Sam Altman");
  CHECK(ix.canonical("Sam", "PERSON") == "Sam Altman");
  CHECK(ix.canonical("Lee", "PERSON") == "Kai-Fu Lee");
  CHECK(ix.canonical("Nobody", "PERSON") == "Nobody");
  // Other types keep their own name: a shorter ORG is often another entity.
  CHECK(ix.canonical("Microsoft", "ORG") == "Microsoft");
}

TEST_CASE("NameIndex: of several people with one family name, the one named most", "[names]") {
  NameIndex ix;
  ix.add("George W. Bush", "PERSON");
  for (int k = 0; k < 3; ++k) ix.add("Jeb Bush", "PERSON");
  ix.add("Laura Bush", "PERSON");
  CHECK(ix.canonical("Bush", "PERSON") == "Jeb Bush"); // not the longest name
  // One person's variants count together; the longest stands for them.
  ix.add("Donald J. Trump", "PERSON");
  ix.add("Donald Trump", "PERSON");
  ix.add("Donald Trump", "PERSON");
  ix.add("Melania Trump", "PERSON");
  ix.add("Melania Trump", "PERSON");
  CHECK(ix.canonical("Trump", "PERSON") == "Donald J. Trump");
}

TEST_CASE("NameIndex: a headline's two words are no long form", "[names]") {
  NameIndex ix;
  ix.add("Obama Speech", "PERSON", true); // 'Obama Speech Rallies Black Voters' taken for a name
  ix.add("Elon Musk", "PERSON", true);    // 'musk' is a common word too, but ...
  ix.add("Elon Musk", "PERSON");          // ... the body names him as well
  CHECK(ix.canonical("Obama", "PERSON") == "Obama");
  CHECK(ix.canonical("Elon", "PERSON") == "Elon Musk");
  ix.add("Michelle Obama", "PERSON");
  CHECK(ix.canonical("Obama", "PERSON") == "Michelle Obama");
}

TEST_CASE("NameIndex stays bounded with many names", "[names]") {
  NameIndex ix;
  for (int i = 0; i < 20000; ++i) ix.add("Common Name" + std::to_string(i), "PERSON");
  CHECK(ix.canonical("Common", "PERSON").rfind("Common Name", 0) == 0);
}

TEST_CASE("names in capitals take Title Case", "[names]") {
  CHECK(title_case_caps("SAN FRANCISCO") == "San Francisco");
  CHECK(title_case_caps("JOHN O'NEILL") == "John O'Neill");
  CHECK(title_case_caps("S\xC3\x83O PAULO") == "S\xC3\xA3o Paulo");
  CHECK(title_case_caps("WINSTON-SALEM") == "Winston-Salem");
  CHECK(title_case_caps("OpenAI") == "OpenAI"); // a lower-case letter: as is
  CHECK(title_case_caps("X") == "X");
  CHECK(title_case_caps("") == "");
}

// clean_name and NameIndex take a fast path for ASCII text (views, no
// string per word); a no-break space sends the same name down the general
// path, and both must agree.
TEST_CASE("clean_name and NameIndex: ASCII fast path agrees with the general one", "[names]") {
  const char *const kMentions[] = {"Acme Corp., Inc.,",  "the Acme Co. Ltd",  "Sen. Jo Roe's", "Roes'",
                                   "X 's",               "Dr. A,;:",          "A ,",           "the",
                                   "Jane `Roe`",         "Dr. Jane Roe, Jr.", "THE ACME GROUP", "'s"};
  const char *const kTypes[] = {"PERSON", "ORG", "GPE", "PRODUCT"};
  auto nbsp = [](std::string s) { // last space -> U+00A0
    size_t p = s.rfind(' ');
    if (p != std::string::npos) s.replace(p, 1, "\xC2\xA0");
    return s;
  };
  for (const char *m : kMentions) {
    for (const char *t : kTypes) {
      const std::string fast = clean_name(m, t), slow = clean_name(nbsp(m), t);
      INFO(m << " / " << t);
      CHECK(fast == slow); // white space is joined as one space
    }
  }
  NameIndex a, b;
  for (const char *n : {"Sam Altman", "Sam H. Altman", "ALTMAN", "Jo `Roe`"}) {
    a.add(n, "PERSON");
    b.add(nbsp(n), "PERSON");
  }
  CHECK(a.canonical("Altman", "PERSON") == "Sam H. Altman");
  CHECK(b.canonical("Altman", "PERSON") == nbsp("Sam H. Altman"));
  CHECK(a.canonical("Jo 'roe'", "PERSON") == "Jo 'roe'"); // as long as the only entry: no longer form
  CHECK(a.canonical("Roe`", "PERSON") == "Roe`");
  CHECK(a.canonical("`roe`", "PERSON") == "Jo `Roe`");
  CHECK(b.canonical("`roe`", "PERSON") == nbsp("Jo `Roe`"));
}

TEST_CASE("family and given names of full names, for the corpus-wide step", "[names]") {
  CHECK(family_name_key("Sam Altman") == "altman");
  CHECK(given_name_key("Sam Altman") == "sam");
  CHECK(family_name_key("Martin Luther King Jr.") == "king");
  CHECK(family_name_key("Ronald Johnson III") == "johnson");
  CHECK(family_name_key("Jacob J. Lew") == "lew");
  CHECK(family_name_key("SAM ALTMAN") == "altman"); // folded
  CHECK(family_name_key("Altman").empty());          // one word: no full name
  CHECK(family_name_key("Butch Otter of Idaho").empty());
  CHECK(given_name_key("Butch Otter of Idaho").empty());
  CHECK(family_name_key("Clinton in Reno").empty());
  // Variants: middle names and initials added to a name of two words.
  CHECK(name_variant_of("Donald J. Trump", "Donald Trump"));
  CHECK(name_variant_of("Hillary Rodham Clinton", "Hillary Clinton"));
  CHECK(name_variant_of("JAMES B. COMEY", "James Comey"));
  CHECK_FALSE(name_variant_of("Joseph R. Biden Jr.", "Joe Biden"));
  CHECK_FALSE(name_variant_of("George H.W. Bush", "George W. Bush")); // the usual name has three words
  CHECK_FALSE(name_variant_of("Donald Trump", "Donald Trump"));
  CHECK_FALSE(name_variant_of("Rafael Edward Cruz", "Ted Cruz"));
  CHECK(lone_name_key("Altman") == "altman");
  CHECK(lone_name_key("Sam Altman").empty());
}

TEST_CASE("dominant_full_name: the usual full name for a lone family name", "[names]") {
  using Named = std::vector<std::pair<std::string, int64_t>>;
  std::optional<std::string> d = dominant_full_name(Named{{"Ingrid Whitcombe", 1}}, 0);
  REQUIRE(d);
  CHECK(*d == "Ingrid Whitcombe");
  d = dominant_full_name(Named{{"Bill Clinton", 98}, {"Hillary Clinton", 604}, {"Chelsea Clinton", 8}}, 0);
  REQUIRE(d);
  CHECK(*d == "Hillary Clinton");
  // Neither three times as usual as the other.
  CHECK_FALSE(dominant_full_name(Named{{"Daniel Okafor", 2}, {"Grace Okafor", 1}}, 0));
  CHECK(dominant_full_name(Named{{"Daniel Okafor", 3}, {"Grace Okafor", 1}}, 0));
  // More often a given name than a family name: 'John'.
  CHECK_FALSE(dominant_full_name(Named{{"Elton John", 1}}, 200));
  CHECK(dominant_full_name(Named{{"Jimmy Carter", 10}}, 2));
  // A name opening with a common word counts from three articles on.
  CHECK_FALSE(dominant_full_name(Named{{"Thank God", 2}}, 0));
  d = dominant_full_name(Named{{"Mitt Romney", 47}, {"George Romney", 1}}, 0);
  REQUIRE(d);
  CHECK(*d == "Mitt Romney");
  d = dominant_full_name(Named{{"Mitt Romney", 2}, {"George Romney", 1}}, 0);
  REQUIRE(d);
  CHECK(*d == "George Romney"); // 'Mitt' is only a common word in the gazetteer
  // One person's variants (the given name's first letter) count together.
  d = dominant_full_name(Named{{"Joe Biden", 22}, {"Joseph R. Biden Jr.", 9}, {"Joseph Biden", 1}, {"Beau Biden", 1}}, 0);
  REQUIRE(d);
  CHECK(*d == "Joe Biden");
  CHECK_FALSE(dominant_full_name(Named{{"George W. Bush", 44}, {"George H.W. Bush", 12}, {"Jeb Bush", 83}}, 0));
  // Ties go to the name first in byte order, whatever the order given.
  CHECK(dominant_full_name(Named{{"Adolph Hitler", 2}, {"Adolf Hitler", 2}}, 0) == std::optional<std::string>("Adolf Hitler"));
  CHECK(dominant_full_name(Named{{"Adolf Hitler", 2}, {"Adolph Hitler", 2}}, 0) == std::optional<std::string>("Adolf Hitler"));
  CHECK(dominant_full_name(Named{{"Ingrid M. Whitcombe", 1}, {"Ingrid Whitcombe", 1}}, 0) ==
        std::optional<std::string>("Ingrid Whitcombe"));
  CHECK_FALSE(dominant_full_name(Named{}, 0));
  CHECK_FALSE(dominant_full_name(Named{{"Ingrid Whitcombe", 0}}, 0));
}

TEST_CASE("NameIndex: a headline's words taken for a name are no long form", "[names]") {
  NameIndex a;
  for (const char *n : {"Donald Trump", "Cruz Hints Trump", "Bernie Sanders", "Bernie Sanders Suffered",
                        "Laurence H. Tribe", "Harry Hurt III"})
    a.add(n, "PERSON");
  CHECK(a.canonical("Trump", "PERSON") == "Donald Trump");
  CHECK(a.canonical("Sanders", "PERSON") == "Bernie Sanders");
  // A family name may be a common word.
  CHECK(a.canonical("Tribe", "PERSON") == "Laurence H. Tribe");
  CHECK(a.canonical("Hurt", "PERSON") == "Harry Hurt III");
  NameIndex b;
  b.add("Cruz Hints Trump", "PERSON");
  CHECK(b.canonical("Trump", "PERSON") == "Trump");
  CHECK(b.canonical("Cruz Hints Trump", "PERSON") == "Cruz Hints Trump");
}
