#include "simulator/expect/text_match.hpp"

namespace netstage::expect {

namespace {
// A line longer than this is searched only in its first part: libstdc++'s
// regex engine recurses per character, and a megabyte line would exhaust the stack.
constexpr std::size_t kLongestSearchedLine = 8192;
}  // namespace

TextMatch TextMatch::matches(std::string pattern) {
    TextMatch match{Mode::Matches, std::move(pattern)};
    match.regex_ = std::make_shared<const std::regex>(match.text_, std::regex::ECMAScript);
    return match;
}

bool TextMatch::test(std::string_view subject) const {
    switch (mode_) {
        case Mode::Contains: return subject.find(text_) != std::string_view::npos;
        case Mode::Equals: return subject == text_;
        case Mode::Matches: {
            const std::string_view part = subject.substr(0, kLongestSearchedLine);
            return std::regex_search(part.begin(), part.end(), *regex_);
        }
    }
    return false;
}

bool TextMatch::testLines(std::string_view subject) const {
    if (mode_ != Mode::Matches) return test(subject);
    std::size_t start = 0;
    while (start <= subject.size()) {
        std::size_t end = subject.find('\n', start);
        if (end == std::string_view::npos) end = subject.size();
        std::string_view line = subject.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (test(line)) return true;
        start = end + 1;
    }
    return false;
}

std::string TextMatch::describe() const {
    switch (mode_) {
        case Mode::Contains: return "'" + text_ + "'";
        case Mode::Equals: return "exactly '" + text_ + "'";
        case Mode::Matches: return "/" + text_ + "/";
    }
    return text_;
}

}  // namespace netstage::expect
