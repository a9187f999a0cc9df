#include "protocols/webmail/browser_visit.hpp"

#include "protocols/webmail/form_data.hpp"
#include "protocols/webmail/page_links.hpp"
#include "protocols/webmail/webmail_site.hpp"

namespace netstage::webmail {

namespace {

// RFC 9110 §15.4: a browser stops following redirects after a few; five is what it allows here.
constexpr int kMaxRedirects = 5;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool isSetCookie(std::string_view name) {
    constexpr std::string_view kName = "set-cookie";
    if (name.size() != kName.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
        if (c != kName[i]) return false;
    }
    return true;
}

}  // namespace

std::string describe(const BrowserAction& action) {
    switch (action.kind) {
        case BrowserAction::Kind::Login: return "login";
        case BrowserAction::Kind::OpenInbox: return "inbox";
        case BrowserAction::Kind::Read: return "read " + std::to_string(action.number);
        case BrowserAction::Kind::Send: return "send";
        case BrowserAction::Kind::Logout: return "logout";
    }
    return {};
}

BrowserVisit::BrowserVisit(BrowserAction action, std::string cookie) : action_{std::move(action)}, cookie_{std::move(cookie)} {}

http::ClientRequest BrowserVisit::get(std::string target) {
    http::ClientRequest request;
    request.target = std::move(target);
    if (!cookie_.empty()) request.headers.add("Cookie", std::string{kSessionCookie} + "=" + cookie_);
    return request;
}

http::ClientRequest BrowserVisit::post(std::string target, std::string form) {
    http::ClientRequest request = get(std::move(target));
    request.method = "POST";
    request.headers.add("Content-Type", "application/x-www-form-urlencoded");
    request.body = std::move(form);
    return request;
}

std::vector<http::ClientRequest> BrowserVisit::counted(std::vector<http::ClientRequest> requests) {
    outstanding_ += requests.size();
    return requests;
}

std::vector<http::ClientRequest> BrowserVisit::start() {
    switch (action_.kind) {
        case BrowserAction::Kind::Login:
            // The form first, as a user sees it, then what the user typed into it.
            return counted({get("/"), post("/login", encodeForm({{"user", action_.user}, {"password", action_.password}}))});
        case BrowserAction::Kind::OpenInbox: return counted({get("/inbox")});
        case BrowserAction::Kind::Read: return counted({get("/message/" + std::to_string(action_.number))});
        case BrowserAction::Kind::Send:
            return counted({get("/compose"), post("/send", encodeForm({{"to", joined(action_.to)},
                                                                       {"subject", action_.subject},
                                                                       {"body", action_.body}}))});
        case BrowserAction::Kind::Logout: return counted({post("/logout", {})});
    }
    return {};
}

std::vector<http::ClientRequest> BrowserVisit::onResponse(const http::client::ResponseReceived& response) {
    --outstanding_;
    ++responses_;
    for (const auto& field : response.headers) {
        if (isSetCookie(field.name)) {
            const auto set = parseSetCookie(field.value);
            if (set && set->name == kSessionCookie) cookie_ = set->value;
        }
    }
    std::vector<http::ClientRequest> next;
    const auto location = response.headers.get("Location");
    if (response.status >= 300 && response.status < 400 && location) {
        if (++redirects_ > kMaxRedirects) {
            failure_ = "more than " + std::to_string(kMaxRedirects) + " redirects";
            return {};
        }
        next.push_back(get(std::string{*location}));
        return counted(std::move(next));
    }
    const std::string type{response.headers.get("Content-Type").value_or("")};
    if (!type.starts_with("text/html")) return {};
    pageTarget_ = response.target;
    pageStatus_ = response.status;
    pageReason_ = response.reason;
    // The login form and the compose form are fetched before they are sent; the page that counts is the one after.
    if (response.status < 300) {
        for (auto& object : referencedObjects(response.body)) next.push_back(get(std::move(object)));
    }
    return counted(std::move(next));
}

void BrowserVisit::onFailure(std::string reason) {
    if (outstanding_ > 0) --outstanding_;
    if (!failure_) failure_ = std::move(reason);
}

bool BrowserVisit::succeeded() const {
    if (failure_ || pageStatus_ < 200 || pageStatus_ >= 300) return false;
    // Sent to the login form: the session was not (or no longer) there.
    if (pageTarget_ == "/" && action_.kind != BrowserAction::Kind::Logout) return false;
    return true;
}

std::string BrowserVisit::outcome() const {
    if (failure_) return *failure_;
    if (pageStatus_ == 0) return "no page came back";
    std::string text = std::to_string(pageStatus_) + " " + pageReason_ + " for " + pageTarget_;
    if (pageTarget_ == "/" && action_.kind != BrowserAction::Kind::Logout) text += " (the login form: not signed in)";
    return text;
}

}  // namespace netstage::webmail
