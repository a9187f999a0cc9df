#include "protocols/webmail/html_pages.hpp"

#include "protocols/webmail/form_data.hpp"

namespace netstage::webmail {

namespace {

std::string page(std::string_view title, std::string_view head, std::string_view body) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escapeHtml(title) + "</title>" +
           std::string{head} + "</head>\n<body>\n" + std::string{body} + "</body></html>\n";
}

std::string errorParagraph(std::string_view error) {
    return error.empty() ? std::string{} : "<p class=\"error\">" + escapeHtml(error) + "</p>\n";
}

}  // namespace

std::string loginPage(std::string_view domain, std::string_view error) {
    return page(std::string{domain} + " webmail", "",
                "<h1>" + escapeHtml(domain) + " webmail</h1>\n" + errorParagraph(error) +
                    "<form method=\"post\" action=\"/login\">\n"
                    "<p><label>User <input name=\"user\"></label></p>\n"
                    "<p><label>Password <input name=\"password\" type=\"password\"></label></p>\n"
                    "<p><button>Sign in</button></p>\n</form>\n");
}

std::string inboxPage(std::string_view address, const std::vector<InboxRow>& rows) {
    std::string body = "<p><img src=\"" + std::string{kLogoPath} + "\" alt=\"\" width=\"16\" height=\"16\"> " +
                       escapeHtml(address) + "</p>\n<h1>Inbox</h1>\n";
    if (rows.empty()) {
        body += "<p>No messages.</p>\n";
    } else {
        body += "<table>\n<tr><th>#</th><th>From</th><th>Subject</th><th>Date</th><th>Size</th></tr>\n";
        for (const auto& row : rows) {
            const std::string number = std::to_string(row.number);
            const std::string subject = row.subject.empty() ? std::string{"(no subject)"} : row.subject;
            body += std::string{row.seen ? "<tr>" : "<tr class=\"unread\">"} + "<td>" + number + "</td><td>" +
                    escapeHtml(row.from) + "</td><td><a href=\"/message/" + number + "\">" + escapeHtml(subject) +
                    "</a></td><td>" + escapeHtml(row.date) + "</td><td>" + std::to_string(row.size) + "</td></tr>\n";
        }
        body += "</table>\n";
    }
    body += "<p><a href=\"/compose\">Write a message</a></p>\n"
            "<form method=\"post\" action=\"/logout\"><button>Sign out</button></form>\n";
    return page("Inbox of " + std::string{address},
                "<link rel=\"stylesheet\" href=\"" + std::string{kStylesheetPath} + "\">", body);
}

std::string messagePage(std::string_view address, const ShownMessage& message) {
    const std::string subject = message.subject.empty() ? std::string{"(no subject)"} : message.subject;
    return page(subject, "",
                "<p><a href=\"/inbox\">Inbox of " + escapeHtml(address) + "</a></p>\n<h1>" + escapeHtml(subject) +
                    "</h1>\n<table>\n<tr><th>From</th><td>" + escapeHtml(message.from) + "</td></tr>\n<tr><th>To</th><td>" +
                    escapeHtml(message.to) + "</td></tr>\n<tr><th>Date</th><td>" + escapeHtml(message.date) +
                    "</td></tr>\n</table>\n<pre>" + escapeHtml(message.body) + "</pre>\n");
}

std::string composePage(std::string_view address, std::string_view to, std::string_view subject, std::string_view body,
                        std::string_view error) {
    return page("Write a message", "",
                "<p><a href=\"/inbox\">Inbox of " + escapeHtml(address) + "</a></p>\n<h1>Write a message</h1>\n" +
                    errorParagraph(error) +
                    "<form method=\"post\" action=\"/send\">\n"
                    "<p><label>To <input name=\"to\" value=\"" + escapeHtml(to) + "\"></label></p>\n"
                    "<p><label>Subject <input name=\"subject\" value=\"" + escapeHtml(subject) + "\"></label></p>\n"
                    "<p><textarea name=\"body\" rows=\"12\" cols=\"72\">" + escapeHtml(body) + "</textarea></p>\n"
                    "<p><button>Send</button></p>\n</form>\n");
}

std::string notFoundPage(std::string_view what) {
    return page("Not found", "", "<h1>Not found</h1>\n<p>" + escapeHtml(what) + "</p>\n<p><a href=\"/inbox\">Inbox</a></p>\n");
}

std::string stylesheet() {
    return "body { font-family: sans-serif; margin: 2em; }\n"
           "table { border-collapse: collapse; }\n"
           "th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }\n"
           "tr.unread td { font-weight: bold; }\n"
           ".error { color: #a00; }\n"
           "pre { white-space: pre-wrap; }\n";
}

std::string logoPng() {
    // 16 by 16 pixels, two colours, written once with zlib: a real PNG that a browser (and Wireshark) can decode.
    static constexpr unsigned char kPng[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
        0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x03, 0x00, 0x00, 0x00, 0x28, 0x2d, 0x0f, 0x53, 0x00, 0x00, 0x00, 0x06, 0x50,
        0x4c, 0x54, 0x45, 0xff, 0xff, 0xff, 0x1f, 0x5f, 0xa8, 0xa7, 0x96, 0x5d, 0x72, 0x00, 0x00, 0x00, 0x19, 0x49, 0x44,
        0x41, 0x54, 0x78, 0xda, 0x63, 0x60, 0x64, 0x64, 0x60, 0x40, 0xc6, 0x0c, 0x68, 0x7c, 0xb0, 0x10, 0x23, 0x69, 0x78,
        0x08, 0x9b, 0x01, 0x00, 0x45, 0x10, 0x00, 0x81, 0x66, 0x89, 0x1e, 0x8c, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
        0x44, 0xae, 0x42, 0x60, 0x82};
    return std::string{reinterpret_cast<const char*>(kPng), sizeof kPng};
}

}  // namespace netstage::webmail
