#pragma once
// The webmail's pages as plain HTML: forms and links, no scripts. Every text
// that came from a message or a user is escaped here (escapeHtml), so mail
// cannot add markup to a page. The inbox page alone references two other
// objects (a stylesheet and an image), which a browser fetches with GETs of
// their own: the lecture's "each object in its own response message".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::webmail {

struct InboxRow {
    std::size_t number = 0;  // 1, 2, ... in the order the messages arrived
    std::string from;
    std::string subject;
    std::string date;
    std::size_t size = 0;
    bool seen = false;
};

struct ShownMessage {
    std::size_t number = 0;
    std::string from;
    std::string to;
    std::string subject;
    std::string date;
    std::string body;
};

inline constexpr std::string_view kStylesheetPath = "/style.css";
inline constexpr std::string_view kLogoPath = "/logo.png";

std::string loginPage(std::string_view domain, std::string_view error);
std::string inboxPage(std::string_view address, const std::vector<InboxRow>& rows);
std::string messagePage(std::string_view address, const ShownMessage& message);
std::string composePage(std::string_view address, std::string_view to, std::string_view subject, std::string_view body,
                        std::string_view error);
std::string notFoundPage(std::string_view what);
std::string stylesheet();
std::string logoPng();

}  // namespace netstage::webmail
