#include "protocols/webmail/webmail_site.hpp"

#include <charconv>

#include "protocols/http/static_site.hpp"
#include "protocols/mail/message.hpp"
#include "protocols/webmail/form_data.hpp"
#include "protocols/webmail/html_pages.hpp"

namespace netstage::webmail {

namespace {

http::Response htmlResponse(int status, std::string body) {
    http::Response response;
    response.status = status;
    response.headers.add("Content-Type", "text/html; charset=utf-8");
    response.body = std::move(body);
    return response;
}

// 303 See Other (RFC 9110 §15.4.4): the browser follows it with a GET, so a
// reload of the page it lands on never sends the form again.
http::Response seeOther(std::string location) {
    http::Response response;
    response.status = 303;
    response.headers.add("Content-Type", "text/plain");
    response.body = "See " + location + "\n";
    response.headers.add("Location", std::move(location));
    return response;
}

http::Response methodNotAllowed(std::string_view allow) {
    http::Response response = htmlResponse(405, notFoundPage("This page allows " + std::string{allow} + " only."));
    response.headers.add("Allow", std::string{allow});
    return response;
}

std::string headerOf(const mail::InternetMessage* parsed, std::string_view name) {
    if (parsed == nullptr) return {};
    return mail::headerValue(*parsed, name).value_or("");
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<std::vector<std::string>> parseRecipients(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = trimmed(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        if (item.empty()) continue;
        const std::size_t at = item.find('@');
        if (at == 0 || at == std::string_view::npos || at + 1 == item.size() || item.find('@', at + 1) != std::string_view::npos) {
            return std::nullopt;
        }
        for (const char c : item) {
            if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) > '~' || c == '<' || c == '>') {
                return std::nullopt;
            }
        }
        out.emplace_back(item);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

WebmailSite::WebmailSite(mail::MailStore& store, std::string domain, SiteHooks hooks)
    : store_{store}, domain_{std::move(domain)}, hooks_{std::move(hooks)} {}

std::optional<std::string> WebmailSite::userOf(std::string_view token) const {
    const auto found = sessions_.find(token);
    if (found == sessions_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> WebmailSite::sessionUser(const http::Request& request) const {
    const auto cookie = request.headers.get("Cookie");
    if (!cookie) return std::nullopt;
    const auto token = cookieValue(*cookie, kSessionCookie);
    if (!token) return std::nullopt;
    return userOf(*token);
}

http::Response WebmailSite::handle(http::Request request) { return handle(std::move(request), {}); }

http::Response WebmailSite::handle(http::Request request, std::string_view client) {
    const std::string path{http::StaticSite::pathOf(request.target)};
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";

    if (path == kStylesheetPath || path == kLogoPath) {
        if (!get) return methodNotAllowed("GET, HEAD");
        http::Response response;
        const bool css = path == kStylesheetPath;
        response.headers.add("Content-Type", css ? "text/css" : "image/png");
        response.body = css ? stylesheet() : logoPng();
        return response;
    }
    if (path == "/") {
        if (!get) return methodNotAllowed("GET, HEAD");
        return htmlResponse(200, loginPage(domain_, {}));
    }
    if (path == "/login") {
        if (!post) return methodNotAllowed("POST");
        return login(request);
    }

    const bool known = path == "/inbox" || path == "/compose" || path == "/send" || path == "/logout" ||
                       path.starts_with("/message/");
    if (!known) return htmlResponse(404, notFoundPage("There is no page " + path + " here."));
    const auto user = sessionUser(request);
    if (!user) return seeOther("/");

    if (path == "/inbox") return get ? inbox(*user) : methodNotAllowed("GET, HEAD");
    if (path == "/compose") return get ? htmlResponse(200, composePage(address(*user), {}, {}, {}, {})) : methodNotAllowed("GET, HEAD");
    if (path == "/send") return post ? send(*user, request, client) : methodNotAllowed("POST");
    if (path == "/logout") {
        if (!post) return methodNotAllowed("POST");
        sessions_.erase(*cookieValue(*request.headers.get("Cookie"), kSessionCookie));
        http::Response response = seeOther("/");
        response.headers.add("Set-Cookie", std::string{kSessionCookie} + "=; Path=/; Max-Age=0");
        return response;
    }
    if (!get) return methodNotAllowed("GET, HEAD");
    return message(*user, std::string_view{path}.substr(std::string_view{"/message/"}.size()));
}

http::Response WebmailSite::login(const http::Request& request) {
    const FormFields form = parseForm(request.body);
    const std::string user = formValue(form, "user").value_or("");
    const std::string password = formValue(form, "password").value_or("");
    // One answer for an unknown user and a wrong password: the form does not tell which names exist.
    if (user.empty() || !store_.hasUser(user) || !hooks_.checkPassword(user, password)) {
        return htmlResponse(403, loginPage(domain_, "Wrong user name or password."));
    }
    const std::string token = hooks_.newToken();
    sessions_[token] = user;
    http::Response response = seeOther("/inbox");
    response.headers.add("Set-Cookie", std::string{kSessionCookie} + "=" + token + "; Path=/; HttpOnly");
    return response;
}

http::Response WebmailSite::inbox(const std::string& user) {
    std::vector<InboxRow> rows;
    const mail::Folder* inbox = store_.folder(user, "INBOX");
    std::size_t number = 0;
    for (const auto& entry : store_.maildrop(user)) {
        InboxRow row;
        row.number = ++number;
        row.size = entry.size;
        if (entry.content) {
            const auto parsed = mail::parseMessage(*entry.content);
            const mail::InternetMessage* message = parsed.ok() ? &parsed.value() : nullptr;
            row.from = headerOf(message, "From");
            row.subject = headerOf(message, "Subject");
            row.date = headerOf(message, "Date");
        }
        const mail::Message* stored = inbox != nullptr ? inbox->find(entry.uid) : nullptr;
        row.seen = stored != nullptr && stored->flags.has(mail::SystemFlag::Seen);
        rows.push_back(std::move(row));
    }
    return htmlResponse(200, inboxPage(address(user), rows));
}

http::Response WebmailSite::message(const std::string& user, std::string_view number) {
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), n);
    const auto drop = store_.maildrop(user);
    if (error != std::errc{} || end != number.data() + number.size() || n == 0 || n > drop.size()) {
        return htmlResponse(404, notFoundPage("There is no message " + std::string{number} + " in your inbox."));
    }
    const auto& entry = drop[n - 1];
    ShownMessage shown;
    shown.number = n;
    if (entry.content) {
        const auto parsed = mail::parseMessage(*entry.content);
        if (parsed.ok()) {
            const auto& message = parsed.value();
            shown.from = headerOf(&message, "From");
            shown.to = headerOf(&message, "To");
            shown.subject = headerOf(&message, "Subject");
            shown.date = headerOf(&message, "Date");
            shown.body = message.body;
        } else {
            shown.body = *entry.content;  // not RFC 5322 (typed at a telnet prompt): shown as it is
        }
    }
    store_.markSeen(user, entry.uid);
    return htmlResponse(200, messagePage(address(user), shown));
}

http::Response WebmailSite::send(const std::string& user, const http::Request& request, std::string_view client) {
    const FormFields form = parseForm(request.body);
    const std::string to = formValue(form, "to").value_or("");
    const std::string subject = formValue(form, "subject").value_or("");
    const std::string body = formValue(form, "body").value_or("");
    const auto recipients = parseRecipients(to);
    if (!recipients) {
        return htmlResponse(400, composePage(address(user), to, subject, body,
                                             "Give one or more addresses such as bob@hamburger.edu, separated by commas."));
    }
    const std::string refused = hooks_.submit(Submission{user, *recipients, subject, body, std::string{client}});
    if (!refused.empty()) return htmlResponse(400, composePage(address(user), to, subject, body, "Not sent: " + refused));
    return seeOther("/inbox");
}

}  // namespace netstage::webmail
