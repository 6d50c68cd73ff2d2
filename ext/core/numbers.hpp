// numbers.hpp — amounts of money, percentages and plain numbers as values.
//
// Shared by entity_mentions (MONEY / PERCENT values) and claim_match (number
// agreement: '$60 billion' against '$600 billion'). Recognises the ways news
// writes amounts:
//
//   '$7 billion', '$7B', '$7bn', 'US$7 billion', '7,000,000,000 dollars',
//   'USD 7 billion', '€40m', '40 million euros', '£3.2bn', '¥500', 'Rs 20 crore'
//   '2%', '20 percent', '12.5 per cent', '3 percentage points', '20 pct'
//   '7,000', '7.5', '7 billion', 'two million'
//
// Values are normalised: money in whole currency units with an ISO 4217 code
// ('7000000000 USD'), percentages as fractions ('0.02'), numbers as numbers.
// All functions are pure, allocation-light and linear in their input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

enum class QuantityKind : uint8_t { Number, Money, Percent };

struct Quantity {
  QuantityKind kind = QuantityKind::Number;
  double value = 0;      // Money: currency units; Percent: fraction (2% -> 0.02)
  std::string currency;  // Money only: ISO 4217 code ('USD', 'EUR', 'GBP'...)
  uint32_t start = 0;    // code points into the searched text, end-exclusive
  uint32_t end = 0;
};

// Parses `text` as one quantity, ignoring surrounding white space. Returns
// nothing when the whole string is not a quantity ('7 dwarfs', 'Q3').
std::optional<Quantity> parse_quantity(std::u32string_view text);
std::optional<Quantity> parse_quantity(std::string_view utf8);

// Every quantity in a longer text, left to right, not overlapping, each the
// longest reading at its position ('$7 billion' is one Money, not a Number
// 7). Numbers that are parts of dates, times, versions or codes
// ('2025-02-01', '10:30', 'GPT-4', 'v1.2.3', 'Q3') are not returned; years
// ('in 2024') are returned as Numbers: callers that do not want them check
// `is_year_like`. With `bare_number_words`, a number word of two or more
// standing alone is a Number too ('three villages'; never 'one' or 'a'),
// for comparing counts (claim_match).
std::vector<Quantity> find_quantities(std::u32string_view text, bool bare_number_words = false);

// The normalised value as text: '7000000000 USD', '0.02', '7500'. Integral
// values print without a fraction; others with up to 12 significant digits.
std::string format_quantity(const Quantity &q);

// True when a and b have the same kind, the same currency, and values equal
// within `rel_tol` (relative). Use it for number agreement.
bool same_quantity(const Quantity &a, const Quantity &b, double rel_tol = 1e-6);

// A plain Number that looks like a year (1900..2100, written without
// separators or fraction).
bool is_year_like(const Quantity &q, std::u32string_view text);

} // namespace lede
