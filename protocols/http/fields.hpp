#pragma once
// HTTP header fields (RFC 9110 §5, RFC 9112 §5): names compared without
// regard to case, kept in the order they came, each line as sent.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::http {

struct Field {
    std::string name;   // as sent
    std::string value;  // without leading and trailing whitespace
    bool operator==(const Field&) const = default;
};

class HeaderFields {
public:
    void add(std::string name, std::string value);
    // Obsolete line folding, read by a client (RFC 9112 §5.2): the last
    // field's value goes on after a space.
    void continueLast(std::string_view more);
    // The first field called `name`, if any.
    std::optional<std::string_view> get(std::string_view name) const;
    std::size_t count(std::string_view name) const;
    bool has(std::string_view name) const { return count(name) > 0; }
    // The comma-separated elements of every field called `name`, in order
    // (RFC 9110 §5.3: several lines of a list field are one list).
    std::vector<std::string_view> elements(std::string_view name) const;
    // True if a list field (Connection, Transfer-Encoding) names `token`.
    bool hasToken(std::string_view name, std::string_view token) const;

    const std::vector<Field>& list() const { return fields_; }
    bool empty() const { return fields_.empty(); }
    std::size_t size() const { return fields_.size(); }
    auto begin() const { return fields_.begin(); }
    auto end() const { return fields_.end(); }
    bool operator==(const HeaderFields&) const = default;

private:
    std::vector<Field> fields_;
};

// RFC 9110 §5.6.2: tchar, and a token is one or more of them.
bool isTokenChar(char c);
bool isToken(std::string_view text);

// One field line without its line ending, or why it is not one (RFC 9112 §5:
// no whitespace before the colon, a token for a name, no control characters
// but HTAB in the value). Obsolete line folding is the caller's to see: a
// line that starts with whitespace is not a field line.
struct FieldParse {
    std::optional<Field> field;
    std::string error;
};
FieldParse parseFieldLine(std::string_view line);

// A Content-Length value (RFC 9110 §8.6): digits, or a list of equal
// values. Nothing when it is not one; `overflow` when it has more digits
// than any body we would accept.
struct ContentLength {
    std::optional<std::size_t> length;
    bool overflow = false;
};
ContentLength parseContentLength(const HeaderFields& fields);

}  // namespace netstage::http
