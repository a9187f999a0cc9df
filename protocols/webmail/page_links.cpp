#include "protocols/webmail/page_links.hpp"

#include <algorithm>

namespace netstage::webmail {

namespace {

// The value of attribute `name` inside one tag's text, if quoted with ".
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    const std::string needle = " " + std::string{name} + "=\"";
    const std::size_t at = tag.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    const std::size_t start = at + needle.size();
    const std::size_t end = tag.find('"', start);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string{tag.substr(start, end - start)};
}

}  // namespace

std::vector<std::string> referencedObjects(std::string_view html) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string_view::npos) {
        const std::size_t end = html.find('>', pos);
        if (end == std::string_view::npos) break;
        const std::string_view tag = html.substr(pos, end - pos);
        std::optional<std::string> target;
        if (tag.starts_with("<link ") && attribute(tag, "rel") == "stylesheet") target = attribute(tag, "href");
        else if (tag.starts_with("<img ")) target = attribute(tag, "src");
        if (target && target->starts_with("/") && !target->starts_with("//") &&
            std::find(out.begin(), out.end(), *target) == out.end()) {
            out.push_back(*target);
        }
        pos = end;
    }
    return out;
}

std::optional<SetCookie> parseSetCookie(std::string_view value) {
    const std::string_view pair = value.substr(0, value.find(';'));
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) return std::nullopt;
    return SetCookie{std::string{pair.substr(0, eq)}, std::string{pair.substr(eq + 1)}};
}

}  // namespace netstage::webmail
