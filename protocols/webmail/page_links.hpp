#pragma once
// What a browser reads from a page besides its text: the objects it must
// fetch to show it (stylesheets, images), each with a GET of its own, and the
// session cookie a response sets.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::webmail {

// The targets of <link rel="stylesheet" href="..."> and <img src="..."> in
// the order they appear, each once; only paths on the same site ("/...").
std::vector<std::string> referencedObjects(std::string_view html);

// "session=abc; Path=/; HttpOnly" -> {"session", "abc"}.
struct SetCookie {
    std::string name;
    std::string value;
};
std::optional<SetCookie> parseSetCookie(std::string_view value);

}  // namespace netstage::webmail
