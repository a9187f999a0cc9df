// The webmail application as a RequestHandler, and behind the HTTP server
// engine: pages, sessions, submission, and what it never shows.
#include <gtest/gtest.h>

#include "protocols/http/server_session.hpp"
#include "protocols/common/engine.hpp"
#include "protocols/http/client_session.hpp"
#include "protocols/webmail/browser_visit.hpp"
#include "protocols/webmail/form_data.hpp"
#include "protocols/webmail/page_links.hpp"
#include "protocols/webmail/webmail_site.hpp"

using namespace netstage;
using namespace netstage::webmail;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    mail::MailStore store;
    std::vector<Submission> submitted;
    std::string refuse;  // what the submission hook answers
    int tokens = 0;
    WebmailSite site{store, "hamburger.edu",
                     SiteHooks{[](std::string_view user, std::string_view password) {
                                   return (user == "bob" && password == "hungry") || (user == "carol" && password == "pw");
                               },
                               [this] { return "token" + std::to_string(++tokens) + "-f00d"; },
                               [this](const Submission& s) {
                                   if (refuse.empty()) submitted.push_back(s);
                                   return refuse;
                               }}};

    Fixture() {
        store.addUser("bob");
        store.addUser("carol");
        store.deliver("bob", "From: alice@crepes.fr\r\nSubject: <b>Crepes</b> & jam\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n"
                             "<script>steal()</script>\r\n", 1);
        store.deliver("bob", "From: dave@crepes.fr\r\nSubject: Second\r\n\r\nHello\r\n", 2);
        store.deliver("carol", "From: eve@crepes.fr\r\nSubject: Carol's secret\r\n\r\nfor carol only\r\n", 3);
    }

    http::Response request(std::string method, std::string target, std::string cookie = {}, std::string body = {}) {
        http::Request r;
        r.method = std::move(method);
        r.target = std::move(target);
        r.headers.add("Host", "hamburger.edu");
        if (!cookie.empty()) r.headers.add("Cookie", "session=" + cookie);
        r.body = std::move(body);
        return site.handle(std::move(r));
    }

    std::string login(const std::string& user, const std::string& password) {
        const auto response = request("POST", "/login", {}, encodeForm({{"user", user}, {"password", password}}));
        EXPECT_EQ(response.status, 303);
        const auto set = parseSetCookie(response.headers.get("Set-Cookie").value_or(""));
        EXPECT_TRUE(set);
        return set ? set->value : std::string{};
    }
};

}  // namespace

TEST(WebmailSite, theLoginFormIsAPlainHtmlFormThatPostsToLogin) {
    Fixture f;
    const auto page = f.request("GET", "/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.headers.get("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("<form method=\"post\" action=\"/login\">"), std::string::npos);
    EXPECT_EQ(page.body.find("<script"), std::string::npos);
}

TEST(WebmailSite, aRightPasswordGivesASessionCookieAndARedirectToTheInbox) {
    Fixture f;
    const auto response = f.request("POST", "/login", {}, "user=bob&password=hungry");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.headers.get("Location"), "/inbox");
    EXPECT_EQ(response.headers.get("Set-Cookie"), "session=token1-f00d; Path=/; HttpOnly");
    EXPECT_EQ(f.site.userOf("token1-f00d"), "bob");
}

TEST(WebmailSite, aWrongPasswordOrUnknownUserIs403WithTheSameWordsAndNoSession) {
    Fixture f;
    const auto wrong = f.request("POST", "/login", {}, "user=bob&password=nope");
    const auto unknown = f.request("POST", "/login", {}, "user=mallory&password=hungry");
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(unknown.status, 403);
    EXPECT_FALSE(wrong.headers.has("Set-Cookie"));
    EXPECT_NE(wrong.body.find("Wrong user name or password."), std::string::npos);
    EXPECT_EQ(f.site.sessionCount(), 0u);
    EXPECT_EQ(f.tokens, 0);
}

TEST(WebmailSite, theInboxListsTheUsersMessagesEscapedAndReferencesAStylesheetAndAnImage) {
    Fixture f;
    const std::string bob = f.login("bob", "hungry");
    const auto inbox = f.request("GET", "/inbox", bob);
    ASSERT_EQ(inbox.status, 200);
    EXPECT_NE(inbox.body.find("&lt;b&gt;Crepes&lt;/b&gt; &amp; jam"), std::string::npos);
    EXPECT_EQ(inbox.body.find("<b>Crepes"), std::string::npos);
    EXPECT_NE(inbox.body.find("<a href=\"/message/2\">Second</a>"), std::string::npos);
    EXPECT_EQ(inbox.body.find("Carol"), std::string::npos);
    EXPECT_EQ(referencedObjects(inbox.body), (std::vector<std::string>{"/style.css", "/logo.png"}));
    const auto css = f.request("GET", "/style.css");
    const auto logo = f.request("GET", "/logo.png");
    EXPECT_EQ(css.headers.get("Content-Type"), "text/css");
    EXPECT_EQ(logo.headers.get("Content-Type"), "image/png");
    EXPECT_TRUE(logo.body.starts_with("\x89PNG\r\n\x1a\n"));
}

TEST(WebmailSite, aMessagePageShowsTheBodyEscapedAndMarksItSeen) {
    Fixture f;
    const std::string bob = f.login("bob", "hungry");
    const auto page = f.request("GET", "/message/1", bob);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("&lt;script&gt;steal()&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(page.body.find("<script"), std::string::npos);
    EXPECT_NE(page.body.find("alice@crepes.fr"), std::string::npos);
    const auto* inbox = f.store.folder("bob", "INBOX");
    EXPECT_TRUE(inbox->find(f.store.maildrop("bob")[0].uid)->flags.has(mail::SystemFlag::Seen));
    EXPECT_FALSE(inbox->find(f.store.maildrop("bob")[1].uid)->flags.has(mail::SystemFlag::Seen));
}

TEST(WebmailSite, aMessageNumberIsLookedUpInTheSessionsOwnMailboxOnly) {
    Fixture f;
    const std::string carol = f.login("carol", "pw");
    const std::string bob = f.login("bob", "hungry");
    EXPECT_NE(carol, bob);
    // Carol has one message; Bob's numbers 2 and beyond are not hers to see, whatever she types.
    const auto one = f.request("GET", "/message/1", carol);
    EXPECT_NE(one.body.find("for carol only"), std::string::npos);
    for (const std::string n : {"2", "3", "0", "-1", "1x", "99999999999999999999", ""}) {
        const auto page = f.request("GET", "/message/" + n, carol);
        EXPECT_EQ(page.status, 404) << n;
        EXPECT_EQ(page.body.find("Second"), std::string::npos) << n;
        EXPECT_EQ(page.body.find("Crepes"), std::string::npos) << n;
    }
}

TEST(WebmailSite, aSessionCookieNotGivenOrEndedShowsNoMail) {
    Fixture f;
    const std::string bob = f.login("bob", "hungry");
    for (const std::string& forged : std::vector<std::string>{"", "token2-f00d", bob + "x", "TOKEN1-F00D", "bob"}) {
        for (const std::string path : {"/inbox", "/message/1", "/compose"}) {
            const auto page = f.request("GET", path, forged);
            EXPECT_EQ(page.status, 303) << forged << path;
            EXPECT_EQ(page.headers.get("Location"), "/") << forged << path;
            EXPECT_EQ(page.body.find("Crepes"), std::string::npos);
        }
    }
    const auto out = f.request("POST", "/logout", bob);
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(f.request("GET", "/inbox", bob).status, 303);
    EXPECT_EQ(f.request("POST", "/send", bob, "to=x@y.z&subject=s&body=b").status, 303);
    EXPECT_TRUE(f.submitted.empty());
}

TEST(WebmailSite, composingHandsTheMessageToTheHostAndRedirectsToTheInbox) {
    Fixture f;
    const std::string bob = f.login("bob", "hungry");
    EXPECT_NE(f.request("GET", "/compose", bob).body.find("<form method=\"post\" action=\"/send\">"), std::string::npos);
    const auto sent = f.request("POST", "/send", bob,
                                encodeForm({{"to", "alice@crepes.fr, carol@hamburger.edu"}, {"subject", "Re: crepes"}, {"body", "Yes!\r\n"}}));
    EXPECT_EQ(sent.status, 303);
    EXPECT_EQ(sent.headers.get("Location"), "/inbox");
    ASSERT_EQ(f.submitted.size(), 1u);
    EXPECT_EQ(f.submitted[0].user, "bob");
    EXPECT_EQ(f.submitted[0].to, (std::vector<std::string>{"alice@crepes.fr", "carol@hamburger.edu"}));
    EXPECT_EQ(f.submitted[0].subject, "Re: crepes");
    EXPECT_EQ(f.submitted[0].body, "Yes!\r\n");
}

TEST(WebmailSite, aBadRecipientOrARefusedMessageIs400WithTheFormFilledInEscaped) {
    Fixture f;
    const std::string bob = f.login("bob", "hungry");
    const auto bad = f.request("POST", "/send", bob, encodeForm({{"to", "\"><b>nobody"}, {"subject", "s"}, {"body", "b"}}));
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("value=\"&quot;&gt;&lt;b&gt;nobody\""), std::string::npos);
    f.refuse = "the message has 8-bit text";
    const auto refused = f.request("POST", "/send", bob, encodeForm({{"to", "alice@crepes.fr"}, {"body", "b"}}));
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.body.find("Not sent: the message has 8-bit text"), std::string::npos);
    EXPECT_TRUE(f.submitted.empty());
}

TEST(WebmailSite, unknownPagesAre404AndWrongMethods405WithAllow) {
    Fixture f;
    EXPECT_EQ(f.request("GET", "/nowhere").status, 404);
    const auto post = f.request("POST", "/inbox", f.login("bob", "hungry"));
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.headers.get("Allow"), "GET, HEAD");
    EXPECT_EQ(f.request("GET", "/login").headers.get("Allow"), "POST");
    EXPECT_EQ(f.request("DELETE", "/logo.png").status, 405);
}

// Behind the server engine: what cannot be read never reaches the site, and
// a body longer than its Content-Length is not taken for part of the form.
TEST(WebmailSite, behindTheServerEngineBadRequestsGetTheirStatusAndExtraBodyIsNotTheForm) {
    auto run = [](std::string_view bytes) {
        Fixture f;
        http::ServerSession server{f.site};
        server.start(0ms);
        server.receive(bytes, 1ms);
        return std::pair{server.takeOutput(), f.site.sessionCount()};
    };
    EXPECT_TRUE(run("GET /inbox HTTP/1.1 extra\r\nHost: x\r\n\r\n").first.starts_with("HTTP/1.1 400 "));
    EXPECT_TRUE(run("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(9000, 'a') + "\r\n\r\n").first.starts_with("HTTP/1.1 431 "));
    EXPECT_TRUE(run("POST /login HTTP/1.1\r\nHost: x\r\n\r\nuser=bob&password=hungry").first.starts_with("HTTP/1.1 411 "));
    // The declared 12 octets are "user=bob&pas": no password, so no session; the rest is not a request.
    const auto [out, sessions] = run("POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\nuser=bob&password=hungry\r\n\r\n");
    EXPECT_TRUE(out.starts_with("HTTP/1.1 403 ")) << out;
    EXPECT_NE(out.find("HTTP/1.1 400 "), std::string::npos) << out;
    EXPECT_EQ(sessions, 0u);
}

// A slow client trickling a login a byte at a time past the server's request
// timeout gets 408 and a close; the site never saw the request.
TEST(WebmailSite, aSlowClientGets408AndNoSession) {
    Fixture f;
    http::ServerSession server{f.site};
    server.start(0ms);
    const std::string request = "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 24\r\n\r\nuser=bob&password=hungry";
    std::chrono::nanoseconds now = 0ms;
    for (std::size_t i = 0; i < 20; ++i) {
        now += 2s;
        while (server.nextTimeout() && *server.nextTimeout() <= now) server.handleTimeout(*server.nextTimeout());
        if (server.closed()) break;
        server.receive(request.substr(i, 1), now);
    }
    EXPECT_TRUE(server.closed());
    EXPECT_TRUE(server.takeOutput().starts_with("HTTP/1.1 408 "));
    EXPECT_EQ(f.site.sessionCount(), 0u);
}

// A browser's visit pumped against the site behind the server engine, in memory.
namespace {

struct Exchange {
    std::vector<std::string> requests;  // "GET /inbox"
    bool succeeded = false;
    std::string outcome;
    std::string cookie;
};

BrowserAction act(BrowserAction::Kind kind, std::string user = {}, std::string password = {}) {
    BrowserAction action;
    action.kind = kind;
    action.user = std::move(user);
    action.password = std::move(password);
    return action;
}

Exchange visit(Fixture& f, BrowserAction action, std::string cookie = {}) {
    http::ServerSession server{f.site};
    http::ClientConfig config;
    config.host = "hamburger.edu";
    http::ClientSession client{config};
    BrowserVisit browser{std::move(action), std::move(cookie)};
    Exchange out;
    for (auto& request : browser.start()) client.request(std::move(request), 0ms);
    server.start(0ms);
    client.start(0ms);
    for (int round = 0; round < 100 && !client.closed(); ++round) {
        server.receive(client.takeOutput(), 1ms);
        client.receive(server.takeOutput(), 1ms);
        for (auto e = client.nextEvent(); !proto::isNeedData(e); e = client.nextEvent()) {
            if (const auto* sent = std::get_if<http::client::RequestSent>(&e)) out.requests.push_back(sent->method + " " + sent->target);
            if (const auto* response = std::get_if<http::client::ResponseReceived>(&e)) {
                for (auto& next : browser.onResponse(*response)) client.request(std::move(next), 1ms);
                if (browser.done()) client.finish();
            }
        }
    }
    out.succeeded = browser.succeeded();
    out.outcome = browser.outcome();
    out.cookie = browser.cookie();
    return out;
}

}  // namespace

TEST(WebmailBrowser, signingInFetchesTheFormPostsItFollowsTheRedirectAndFetchesTheInboxsObjects) {
    Fixture f;
    const auto login = visit(f, act(BrowserAction::Kind::Login, "bob", "hungry"));
    EXPECT_EQ(login.requests, (std::vector<std::string>{"GET /", "POST /login", "GET /inbox", "GET /style.css", "GET /logo.png"}));
    EXPECT_TRUE(login.succeeded) << login.outcome;
    EXPECT_EQ(login.outcome, "200 OK for /inbox");
    EXPECT_EQ(f.site.userOf(login.cookie), "bob");

    BrowserAction read = act(BrowserAction::Kind::Read);
    read.number = 2;
    const auto page = visit(f, read, login.cookie);
    EXPECT_EQ(page.requests, (std::vector<std::string>{"GET /message/2"}));
    EXPECT_TRUE(page.succeeded);

    BrowserAction send = act(BrowserAction::Kind::Send);
    send.to = {"alice@crepes.fr"};
    send.subject = "Hi";
    send.body = "Hello\r\n";
    const auto sent = visit(f, send, login.cookie);
    EXPECT_EQ(sent.requests, (std::vector<std::string>{"GET /compose", "POST /send", "GET /inbox", "GET /style.css", "GET /logo.png"}));
    EXPECT_TRUE(sent.succeeded);
    ASSERT_EQ(f.submitted.size(), 1u);
    EXPECT_EQ(f.submitted[0].to, (std::vector<std::string>{"alice@crepes.fr"}));
}

TEST(WebmailBrowser, aWrongPasswordOrNoSessionIsAFailureThatSaysWhere) {
    Fixture f;
    const auto wrong = visit(f, act(BrowserAction::Kind::Login, "bob", "nope"));
    EXPECT_FALSE(wrong.succeeded);
    EXPECT_EQ(wrong.outcome, "403 Forbidden for /login");
    EXPECT_TRUE(wrong.cookie.empty());
    const auto inbox = visit(f, act(BrowserAction::Kind::OpenInbox), "forged");
    EXPECT_EQ(inbox.requests, (std::vector<std::string>{"GET /inbox", "GET /"}));
    EXPECT_FALSE(inbox.succeeded);
    EXPECT_EQ(inbox.outcome, "200 OK for / (the login form: not signed in)");
}
