#pragma once
// Structured MIME header values with parameters: Content-Type (RFC 2045 §5,
// RFC 2046) and Content-Disposition (RFC 2183), with RFC 2231's extended
// parameters (charset, language, continuations) as mail clients write file
// names that are long or not ASCII.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::mime {

struct Parameter {
    std::string name;      // lower case, without RFC 2231's "*" and section numbers
    std::string value;     // unquoted and percent-decoded octets, in `charset` when one is given
    std::string charset;   // RFC 2231 charset, lower case; empty for a plain parameter
    std::string language;  // RFC 2231 language tag, as written
    bool operator==(const Parameter&) const = default;
};

// "value; name=token; other=\"quoted\"": the value (lower case) and its
// parameters in order of first appearance. Lenient: comments are skipped, a
// parameter without "=" or a stray character is dropped, never an error.
// Continuations name*0, name*1*, ... are joined in section order; the first
// occurrence of a name wins over later duplicates.
struct ParameterizedValue {
    std::string value;
    std::vector<Parameter> parameters;
    const Parameter* find(std::string_view name) const;
};
ParameterizedValue parseParameterizedValue(std::string_view text);

// "; name=value" for a token, "; name=\"value\"" when quoting is needed, and
// RFC 2231 "; name*=utf-8''%E2%82%AC" when the value is not printable ASCII
// (the octets are taken to be UTF-8).
std::string formatParameter(std::string_view name, std::string_view value);

struct ContentType {
    std::string type = "text";     // lower case
    std::string subtype = "plain"; // lower case
    std::vector<Parameter> parameters;

    std::string mediaType() const { return type + "/" + subtype; }
    bool isMultipart() const { return type == "multipart"; }
    bool isMessageRfc822() const { return type == "message" && subtype == "rfc822"; }
    // The parameter's value, case-insensitive name; nullopt when absent.
    std::optional<std::string> parameter(std::string_view name) const;
    bool operator==(const ContentType&) const = default;
};

// The default when a part has no Content-Type (RFC 2045 §5.2): text/plain;
// charset=us-ascii. Inside multipart/digest the default is message/rfc822
// (RFC 2046 §5.1.5), which the part tree passes as `fallback`.
ContentType defaultContentType();
// A value that is not "type/subtype" gives the default too (RFC 2045 §5.2).
ContentType parseContentType(std::string_view value, const ContentType& fallback = defaultContentType());

struct ContentDisposition {
    std::string type;  // "inline", "attachment", ... lower case
    std::vector<Parameter> parameters;
    std::optional<std::string> parameter(std::string_view name) const;
};
ContentDisposition parseContentDisposition(std::string_view value);

}  // namespace netstage::mime
