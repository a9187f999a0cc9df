#pragma once
// How an expectation compares text: it contains a piece of text, equals it,
// or matches a regular expression (ECMAScript syntax, searched anywhere in
// the text). A pattern is compiled once, when the scenario is loaded, so one
// that does not compile is a load error, never a surprise during a check.

#include <memory>
#include <regex>
#include <string>
#include <string_view>

namespace netstage::expect {

class TextMatch {
public:
    enum class Mode { Contains, Equals, Matches };

    TextMatch() = default;
    static TextMatch contains(std::string text) { return TextMatch{Mode::Contains, std::move(text)}; }
    static TextMatch equals(std::string text) { return TextMatch{Mode::Equals, std::move(text)}; }
    // Throws std::regex_error when the pattern does not compile.
    static TextMatch matches(std::string pattern);

    Mode mode() const { return mode_; }
    const std::string& text() const { return text_; }

    bool test(std::string_view subject) const;
    // A long text (a message body) is searched line by line for a pattern,
    // which keeps the regular expression engine's work per line bounded.
    bool testLines(std::string_view subject) const;
    // "'ketchup'" (contains), "= 'ketchup'" (equals), "/ket.*up/" (matches).
    std::string describe() const;

private:
    TextMatch(Mode mode, std::string text) : mode_{mode}, text_{std::move(text)} {}
    Mode mode_ = Mode::Contains;
    std::string text_;
    std::shared_ptr<const std::regex> regex_;
};

}  // namespace netstage::expect
