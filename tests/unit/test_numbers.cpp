// test_numbers.cpp — money, percent and number parsing (numbers.hpp).
#include "numbers.hpp"
#include "text.hpp"

#include "lede_catch.hpp"

using namespace lede;

namespace {
std::string norm(const std::string &s) {
  auto q = parse_quantity(std::string_view(s));
  return q ? format_quantity(*q) : "<none>";
}
std::vector<std::string> found(const std::string &s) {
  std::u32string t = decode_utf8(s);
  std::vector<std::string> out;
  for (const Quantity &q : find_quantities(t))
    out.push_back(encode_utf8(std::u32string_view(t).substr(q.start, q.end - q.start)) + "=" +
                  format_quantity(q));
  return out;
}
} // namespace

TEST_CASE("money in the ways news writes it", "[numbers]") {
  CHECK(norm("$7 billion") == "7000000000 USD");
  CHECK(norm("$7B") == "7000000000 USD");
  CHECK(norm("$7bn") == "7000000000 USD");
  CHECK(norm("US$7 billion") == "7000000000 USD");
  CHECK(norm("7,000,000,000 dollars") == "7000000000 USD");
  CHECK(norm("USD 7 billion") == "7000000000 USD");
  CHECK(norm("€40m") == "40000000 EUR");
  CHECK(norm("40 million euros") == "40000000 EUR");
  CHECK(norm("£3.2bn") == "3200000000 GBP");
  CHECK(norm("$1.5 trillion") == "1500000000000 USD");
  CHECK(norm("$600") == "600 USD");
  CHECK(norm("$19.99") == "19.99 USD");
  CHECK(norm("two million dollars") == "2000000 USD");
  CHECK(norm("Rs 20 crore") == "200000000 INR");
}

TEST_CASE("percentages are fractions", "[numbers]") {
  CHECK(norm("2%") == "0.02");
  CHECK(norm("20 percent") == "0.2");
  CHECK(norm("12.5 per cent") == "0.125");
  CHECK(norm("3 percentage points") == "0.03");
  CHECK(norm("100%") == "1");
}

TEST_CASE("plain numbers and what is not a quantity", "[numbers]") {
  CHECK(norm("7,000") == "7000");
  CHECK(norm("7.5") == "7.5");
  CHECK(norm("7 billion") == "7000000000");
  CHECK(norm("GPT-4") == "<none>");
  CHECK(norm("7 dwarfs") == "<none>");
  CHECK(norm("Q3") == "<none>");
  CHECK(norm("one") == "<none>");
  CHECK(norm("") == "<none>");
  CHECK(norm("$") == "<none>");
}

TEST_CASE("quantities inside text", "[numbers]") {
  CHECK(found("OpenAI loses $7 billion a year, up 20 percent.") ==
        std::vector<std::string>{"$7 billion=7000000000 USD", "20 percent=0.2"});
  CHECK(found("GPT-4o and o1 cost 3D 1st v1.2.3").empty());
  CHECK(found("On 2025-02-01 at 10:30 it rose 2%") == std::vector<std::string>{"2%=0.02"});
  CHECK(found("a man paid $5") == std::vector<std::string>{"$5=5 USD"});
  auto t = decode_utf8("in 2024 it made 12");
  auto qs = find_quantities(t);
  REQUIRE(qs.size() == 2);
  CHECK(is_year_like(qs[0], t));
  CHECK_FALSE(is_year_like(qs[1], t));
}

// In a range '4th-5th' the second part is not read (like the 19 of COVID-19).
TEST_CASE("ordinals only when asked for", "[numbers]") {
  auto t = decode_utf8("the 118th Congress, 21st, 22ND, 3rd, 11th; not 21th, 3st, 1sts, 4th-5th, v2nd");
  auto qs = find_quantities(t, false, true);
  std::vector<std::string> got;
  for (const Quantity &q : qs) {
    CHECK(q.ordinal);
    got.push_back(encode_utf8(std::u32string_view(t).substr(q.start, q.end - q.start)) + "=" + format_quantity(q));
  }
  CHECK(got == std::vector<std::string>{"118th=118", "21st=21", "22ND=22", "3rd=3", "11th=11", "4th=4"});
  CHECK(find_quantities(t).empty());
  CHECK_FALSE(find_quantities(decode_utf8("12 people"), false, true).at(0).ordinal);
}

TEST_CASE("number agreement", "[numbers]") {
  auto a = parse_quantity(std::string_view("$60 billion"));
  auto b = parse_quantity(std::string_view("$600 billion"));
  auto c = parse_quantity(std::string_view("60,000,000,000 dollars"));
  REQUIRE((a && b && c));
  CHECK_FALSE(same_quantity(*a, *b));
  CHECK(same_quantity(*a, *c));
}

TEST_CASE("numbers: linear on hostile input", "[numbers]") {
  std::u32string t;
  for (int i = 0; i < 100000; ++i) t += U"1,000 ";
  CHECK(find_quantities(t).size() == 100000);
  std::u32string d(200000, U'9');
  CHECK(find_quantities(d).size() == 1);
  std::u32string s(200000, U'$');
  CHECK(find_quantities(s).empty());
}

// find_quantities tries a word only when its first two letters can start a
// number word ('th' of 'three' lets 'the' through to the full look-up).
TEST_CASE("number words behind the two-letter filter", "[numbers]") {
  auto bare = [](const std::string &s) {
    std::u32string t = decode_utf8(s);
    std::vector<std::string> out;
    for (const Quantity &q : find_quantities(t, true))
      out.push_back(encode_utf8(std::u32string_view(t).substr(q.start, q.end - q.start)) + "=" +
                    format_quantity(q));
    return out;
  };
  CHECK(bare("the three villages") == std::vector<std::string>{"three=3"});
  CHECK(bare("Thirteen boats, Eighty cars and TWELVE vans") ==
        std::vector<std::string>{"Thirteen=13", "Eighty=80", "TWELVE=12"});
  CHECK(bare("the other ones, athletes at tea, then nothing").empty());
  CHECK(found("a hundred million dollars") == std::vector<std::string>{"a hundred million dollars=100000000 USD"});
}
