#pragma once
// The small texts a web application reads and writes around its pages:
// HTML escaping (every mail text goes through it), form fields
// (application/x-www-form-urlencoded, the HTML form's encoding) and cookies
// (RFC 6265 §4.2: "name=value; name2=value2").

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace netstage::webmail {

// & < > " ' as character references: text from a message can never become markup.
std::string escapeHtml(std::string_view text);

// "user=bob&password=s%20cret" -> {{"user","bob"},{"password","s cret"}}; "+" is a space.
// A malformed %-escape is kept as it was written.
using FormFields = std::vector<std::pair<std::string, std::string>>;
FormFields parseForm(std::string_view body);
std::string encodeForm(const FormFields& fields);
// The first field called `name`, if any.
std::optional<std::string> formValue(const FormFields& fields, std::string_view name);

// The value of cookie `name` in a Cookie field's value, if present.
std::optional<std::string> cookieValue(std::string_view cookieHeader, std::string_view name);

}  // namespace netstage::webmail
