#include "protocols/common/line_reader.hpp"

namespace netstage::proto {

std::optional<Line> LineReader::next() {
    for (;;) {
        const std::size_t lf = buffer_.find('\n', start_);
        if (lf == std::string::npos) {
            if (buffered() > limit_) {
                // Keep only the head of an over-long line and drop the rest as it arrives.
                if (!discarding_) {
                    overlongHead_.assign(buffer_, start_, limit_);
                    discarding_ = true;
                }
                discardedCr_ = buffer_.back() == '\r';
                start_ = buffer_.size();
                compact();
            }
            return std::nullopt;
        }
        std::size_t end = lf;
        // In an over-long line the CR may already have been discarded.
        const bool crlf = end > start_ ? buffer_[end - 1] == '\r' : (discarding_ && discardedCr_);
        if (crlf) --end;
        Line line;
        line.bareLf = !crlf;
        const std::size_t length = lf + 1 - start_;  // including the line ending
        if (discarding_) {
            line.text = std::move(overlongHead_);
            line.tooLong = true;
            discarding_ = false;
            overlongHead_.clear();
        } else if (length > limit_) {
            line.text.assign(buffer_, start_, limit_);
            line.tooLong = true;
        } else {
            line.text.assign(buffer_, start_, end - start_);
        }
        start_ = lf + 1;
        compact();
        return line;
    }
}

std::optional<std::string> LineReader::takeRaw(std::size_t n) {
    if (buffered() < n) return std::nullopt;
    std::string raw = buffer_.substr(start_, n);
    start_ += n;
    compact();
    return raw;
}

void LineReader::compact() {
    if (start_ == buffer_.size()) {
        buffer_.clear();
        start_ = 0;
    } else if (start_ > 4096 && start_ * 2 > buffer_.size()) {
        buffer_.erase(0, start_);
        start_ = 0;
    }
}

char asciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string asciiUpper(std::string_view text) {
    std::string out{text};
    for (char& c : out) c = asciiUpper(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiUpper(a[i]) != asciiUpper(b[i])) return false;
    }
    return true;
}

bool istartsWith(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace netstage::proto
