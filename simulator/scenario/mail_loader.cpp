#include "simulator/scenario/mail_loader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "protocols/mail/message_compose.hpp"
#include "simulator/scenario/imap_actions.hpp"
#include "simulator/scenario/scenario_limits.hpp"
#include "simulator/scenario/scenario_text.hpp"
#include "simulator/scenario/send_loader.hpp"
#include "simulator/scenario/world.hpp"

namespace netstage::scenario {

namespace {

std::string requireHost(const YamlValue& v, const ScenarioSpec& spec) {
    const std::string name = v.asString();
    if (!spec.findHost(name)) v.fail("unknown host '" + name + "'");
    return name;
}

std::string lineOfAtLine(const SourceLocation& where) { return " (line " + std::to_string(where.line) + ")"; }

std::map<std::string, std::string> readReplies(const YamlValue& v, std::initializer_list<std::string_view> keys,
                                               std::string_view protocol) {
    v.requireMap("reply texts");
    v.allowOnly(keys);
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : v.entries()) {
        const std::string name = key.asString();
        const std::string what = "the " + std::string{protocol} + " reply text '" + name + "'";
        const std::string text = readLineText(value, what);
        if (text.size() > limits::kReplyTextOctets) {
            value.fail(what + " must be at most " + std::to_string(limits::kReplyTextOctets) + " octets, found " +
                       std::to_string(text.size()));
        }
        // The POP3 server session refuses any other texts (RFC 1939 §3: positive replies start with +OK).
        if (protocol == "POP3" && !text.starts_with("+OK")) value.fail(what + " must start with +OK, found '" + text + "'");
        out[name] = text;
    }
    return out;
}

SmtpStyleSpec readSmtpStyle(const YamlValue& v) {
    v.requireMap("SMTP client style");
    v.allowOnly({"ehlo", "space_after_colon", "helo_domain"});
    SmtpStyleSpec style;
    if (auto x = v.find("ehlo")) style.ehlo = x->asBool();
    if (auto x = v.find("space_after_colon")) style.spaceAfterColon = x->asBool();
    if (auto x = v.find("helo_domain")) {
        const std::string domain = readLineText(*x, "the HELO domain");
        const bool literal = domain.size() > 2 && domain.front() == '[' && domain.back() == ']' &&
                             Ipv4Address::parse(domain.substr(1, domain.size() - 2)).has_value();
        if (!literal && !isHostName(domain)) {
            x->fail("expected a HELO domain such as crepes.fr or [10.0.1.2] (RFC 5321 §4.1.1.1), found '" + domain + "'");
        }
        style.heloDomain = domain;
    }
    return style;
}

StoredMessageSpec readStoredMessage(const YamlValue& item) {
    item.requireMap("a stored message");
    item.allowOnly({"from", "to", "subject", "body", "raw", "size", "flags"});
    StoredMessageSpec message;
    message.where = item.where();
    if (auto x = item.find("raw")) message.raw = x->asString();
    if (auto x = item.find("from")) message.from = readLineText(*x, "the From field");
    if (auto x = item.find("to")) message.to = readLineText(*x, "the To field");
    if (auto x = item.find("subject")) {
        message.subject = readLineText(*x, "the subject");
        if (!message.raw) requireComposable(*x, message.subject, false);
    }
    if (auto x = item.find("body")) {
        message.body = x->asString();
        if (!message.raw) requireComposable(*x, message.body, true);
    }
    if (auto x = item.find("flags")) {
        for (const auto& flag : x->isScalar() ? std::vector<YamlValue>{*x} : x->items("IMAP flags")) {
            message.flags.push_back(readLineText(flag, "an IMAP flag"));
        }
    }
    // The text the world will store, without padding: what it refuses, the loader refuses here.
    const std::size_t length = storedMessageText(message).size();
    if (auto x = item.find("size")) {
        message.size = static_cast<std::size_t>(x->asUnsigned(10'000'000));
        if (*message.size < length) {
            x->fail("the message is already " + std::to_string(length) + " octets (with CRLF line ends), more than its size " +
                    std::to_string(*message.size));
        }
        x->declareContent(*message.size);
    } else {
        item.declareContent(length);
    }
    return message;
}

MailUserSpec readUser(const YamlValue& v) {
    v.requireMap("a mail user");
    v.allowOnly({"name", "password", "messages", "folders"});
    MailUserSpec user;
    user.where = v.where();
    const auto name = v.get("name");
    user.name = readLineText(name, "the user name");
    if (user.name.empty()) name.fail("expected a non-empty user name");
    if (auto p = v.find("password")) user.password = readLineText(*p, "the password");
    if (auto f = v.find("folders")) {
        for (const auto& folder : f->isScalar() ? std::vector<YamlValue>{*f} : f->items("folder names")) {
            const std::string text = readLineText(folder, "a folder name");
            if (text.empty()) folder.fail("expected a folder name, found an empty text");
            user.folders.push_back(text);
        }
    }
    if (auto m = v.find("messages")) {
        for (const auto& item : m->items("messages")) user.messages.push_back(readStoredMessage(item));
    }
    return user;
}

std::vector<std::string> readAddresses(const YamlValue& list) {
    std::vector<std::string> out;
    for (const auto& item : list.isScalar() ? std::vector<YamlValue>{list} : list.items("e-mail addresses")) {
        out.push_back(readMailAddress(item));
    }
    return out;
}

// webmail: {login: bob} | {login: bob, password: x} | {open: inbox} | {read: 2} | {send: {to, subject, body}} | {logout: true}
WebmailActionSpec readWebmailAction(const YamlValue& v, const UserAgentSpec& ua, const ScenarioSpec& spec) {
    v.requireMap("a webmail action");
    v.allowOnly({"login", "password", "open", "read", "send", "logout"});
    const auto server = std::find_if(spec.mailServers.begin(), spec.mailServers.end(),
                                     [&](const MailServerSpec& s) { return s.host == ua.server; });
    if (server != spec.mailServers.end() && server->webmailPort == 0) {
        v.fail("'" + ua.server + "' runs no webmail: give its mail server 'webmail: {port: 80}' (line " +
               std::to_string(server->where.line) + ")");
    }
    const std::size_t given = (v.find("login") ? 1 : 0) + (v.find("open") ? 1 : 0) + (v.find("read") ? 1 : 0) +
                              (v.find("send") ? 1 : 0) + (v.find("logout") ? 1 : 0);
    if (given != 1) v.fail("expected exactly one of 'login', 'open', 'read', 'send' or 'logout'");
    if (v.find("password") && !v.find("login")) v.get("password").fail("'password' goes with 'login' only");
    WebmailActionSpec action;
    if (auto x = v.find("login")) {
        action.kind = WebmailActionSpec::Kind::Login;
        action.user = readLineText(*x, "the user name");
        if (action.user.empty()) x->fail("expected a user name to sign in as");
        if (auto p = v.find("password")) action.password = readLineText(*p, "the password");
        else if (ua.password.empty()) {
            x->fail("signing in needs a password: give 'password:' here or to the user agent at line " +
                    std::to_string(ua.where.line));
        }
    } else if (auto o = v.find("open")) {
        if (o->asString() != "inbox") o->fail("expected 'inbox' (the page to open), found '" + o->asString() + "'");
        action.kind = WebmailActionSpec::Kind::OpenInbox;
    } else if (auto r = v.find("read")) {
        action.kind = WebmailActionSpec::Kind::Read;
        action.number = static_cast<std::size_t>(r->asUnsigned(1'000'000));
        if (action.number == 0) r->fail("messages are numbered from 1, as on the inbox page");
    } else if (auto s = v.find("send")) {
        action.kind = WebmailActionSpec::Kind::Send;
        s->requireMap("a message to send");
        s->allowOnly({"to", "subject", "body"});
        const auto to = s->get("to");
        action.send.to = readAddresses(to);
        if (action.send.to.empty()) to.fail("a message needs at least one recipient in 'to'");
        if (auto subject = s->find("subject")) {
            action.send.subject = readLineText(*subject, "the subject");
            requireComposable(*subject, action.send.subject, false);
        }
        const auto body = s->get("body");
        action.send.body = body.asString();
        requireComposable(body, action.send.body, true);
        body.declareContent(action.send.body.size());
    } else {
        const auto l = v.get("logout");
        if (!l.asBool()) l.fail("expected 'logout: true'");
        action.kind = WebmailActionSpec::Kind::Logout;
    }
    return action;
}

UserAgentActionSpec readAction(const YamlValue& v, const UserAgentSpec& ua, const std::optional<SourceLocation>& helo,
                               const ScenarioSpec& spec, const HeloRelays& heloRelays) {
    v.requireMap("an action");
    v.allowOnly({"at", "send", "pop3", "imap", "webmail"});
    UserAgentActionSpec action;
    action.where = v.where();
    action.at = v.get("at").asDuration();
    if (auto s = v.find("send")) {
        action.kind = UserAgentActionSpec::Kind::Send;
        action.send = readSend(*s, ua, helo, spec, heloRelays);
    } else if (auto p = v.find("pop3")) {
        action.kind = UserAgentActionSpec::Kind::Pop3;
        p->requireMap("a POP3 read");
        p->allowOnly({"mode", "lower_case"});
        if (ua.password.empty()) {
            p->fail("a POP3 read needs the user agent's password: give 'password:' to the user agent at line " +
                    std::to_string(ua.where.line));
        }
        if (auto m = p->find("mode")) {
            const std::string mode = m->asString();
            if (mode == "download-and-keep") action.pop3.keep = true;
            else if (mode != "download-and-delete") m->fail("expected download-and-delete or download-and-keep");
        }
        if (auto x = p->find("lower_case")) action.pop3.lowerCase = x->asBool();
    } else if (auto m = v.find("imap")) {
        action.kind = UserAgentActionSpec::Kind::Imap;
        action.imap = readImapActions(*m);
    } else if (auto w = v.find("webmail")) {
        action.kind = UserAgentActionSpec::Kind::Webmail;
        action.webmail = readWebmailAction(*w, ua, spec);
    } else {
        v.fail("expected an action: 'send', 'pop3', 'imap' or 'webmail'");
    }
    return action;
}

}  // namespace

HeloRelays readMailServers(const YamlValue& list, ScenarioSpec& spec) {
    HeloRelays heloRelays;
    std::map<std::string, SourceLocation> hosts;
    for (const auto& v : list.items("mail servers")) {
        v.requireMap("a mail server");
        v.allowOnly({"host", "domain", "users", "smtp_replies", "pop3_replies", "add_received", "add_message_id", "relay_smtp",
                     "retry_interval", "give_up_after", "offer_8bitmime", "webmail", "postmaster",
                     "case_sensitive_local_parts", "relay_networks", "open_relay"});
        MailServerSpec server;
        server.where = v.where();
        const auto host = v.get("host");
        server.host = requireHost(host, spec);
        if (const auto [at, fresh] = hosts.emplace(server.host, server.where); !fresh) {
            host.fail("'" + server.host + "' already runs a mail server" + lineOfAtLine(at->second) +
                      "; give one entry per host");
        }
        server.domain = readHostName(v.get("domain"), "a mail domain");
        std::set<std::string> names;
        if (auto u = v.find("users")) {
            for (const auto& item : u->items("users")) {
                MailUserSpec user = readUser(item);
                if (!names.insert(user.name).second) item.get("name").fail("the user '" + user.name + "' is already defined");
                server.users.push_back(std::move(user));
            }
        }
        if (auto c = v.find("case_sensitive_local_parts")) server.caseSensitiveLocalParts = c->asBool();
        if (!server.caseSensitiveLocalParts) {
            // One mailbox per local part in any case: two users that differ only in case would be one.
            std::map<std::string, std::string> folded;
            for (std::size_t i = 0; i < server.users.size(); ++i) {
                std::string key = server.users[i].name;
                for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (const auto [at, fresh] = folded.emplace(key, server.users[i].name); !fresh) {
                    v.get("users").items("users")[i].get("name").fail(
                        "the users '" + at->second + "' and '" + server.users[i].name +
                        "' differ only in case, and local parts match in any case; give another name, or set "
                        "case_sensitive_local_parts: true");
                }
            }
        }
        if (auto p = v.find("postmaster")) {
            server.postmaster = readLineText(*p, "the postmaster's user name");
            const bool known = std::any_of(server.users.begin(), server.users.end(),
                                           [&](const MailUserSpec& u) { return u.name == server.postmaster; });
            if (!known) p->fail("'" + server.postmaster + "' is not one of this server's users");
        }
        if (auto r = v.find("relay_networks")) {
            std::vector<Ipv4Network> networks;
            for (const auto& item : r->items("relay networks")) {
                const auto network = Ipv4Network::parse(item.asString());
                if (!network) item.fail("expected a network such as 10.0.1.0/24 (host bits zero) or an address");
                networks.push_back(*network);
            }
            server.relayNetworks = std::move(networks);
        }
        if (auto o = v.find("open_relay")) server.openRelay = o->asBool();
        if (auto r = v.find("smtp_replies")) {
            server.smtpReplies =
                readReplies(*r, {"greeting", "helo", "ehlo", "mail", "rcpt", "data", "accepted", "quit"}, "SMTP");
        }
        if (auto r = v.find("pop3_replies")) server.pop3Replies = readReplies(*r, {"greeting", "user", "pass", "quit"}, "POP3");
        if (auto a = v.find("add_received")) server.addReceived = a->asBool();
        if (auto a = v.find("add_message_id")) server.addMessageId = a->asBool();
        if (auto a = v.find("offer_8bitmime")) server.offer8BitMime = a->asBool();
        if (auto r = v.find("relay_smtp")) {
            server.relay = readSmtpStyle(*r);
            if (!server.relay.ehlo) heloRelays[server.host] = r->get("ehlo").where();
        }
        if (auto r = v.find("retry_interval")) server.retryInterval = r->asDuration();
        if (auto g = v.find("give_up_after")) server.giveUpAfter = g->asDuration();
        if (auto w = v.find("webmail")) {
            w->requireMap("webmail settings");
            w->allowOnly({"port"});
            const auto port = w->get("port");
            server.webmailPort = static_cast<std::uint16_t>(port.asUnsigned(65535));
            if (server.webmailPort == 0) port.fail("expected a TCP port from 1 to 65535");
            for (const std::uint16_t taken : {25, 110, 143, 587}) {
                if (server.webmailPort == taken) {
                    port.fail("port " + std::to_string(taken) + " is the mail server's own (SMTP 25, POP3 110, IMAP 143, submission 587); webmail is usually on 80");
                }
            }
        }
        spec.mailServers.push_back(std::move(server));
    }
    return heloRelays;
}

void readUserAgents(const YamlValue& list, ScenarioSpec& spec, const HeloRelays& heloRelays) {
    std::map<std::string, SourceLocation> names;
    for (const auto& v : list.items("user agents")) {
        v.requireMap("a user agent");
        v.allowOnly({"name", "host", "address", "user", "password", "server", "smtp", "actions"});
        UserAgentSpec ua;
        ua.where = v.where();
        const auto host = v.get("host");
        ua.host = requireHost(host, spec);
        ua.name = ua.host;
        const auto nameValue = v.find("name");
        if (nameValue) ua.name = nameValue->asString();
        if (const auto [at, fresh] = names.emplace(ua.name, ua.where); !fresh) {
            (nameValue ? *nameValue : host)
                .fail("the user agent name '" + ua.name + "' is already used" + lineOfAtLine(at->second) +
                      "; give each user agent its own name");
        }
        ua.address = readMailAddress(v.get("address"));
        ua.user = ua.address.substr(0, ua.address.find('@'));
        if (auto u = v.find("user")) {
            ua.user = readLineText(*u, "the user name");
            if (ua.user.empty()) u->fail("expected a non-empty user name");
        }
        if (auto p = v.find("password")) ua.password = readLineText(*p, "the password");
        const auto server = v.get("server");
        ua.server = requireHost(server, spec);
        bool runsMail = false;
        for (const auto& s : spec.mailServers) runsMail = runsMail || s.host == ua.server;
        if (!runsMail) server.fail("'" + ua.server + "' runs no mail server (list it under mail_servers)");
        std::optional<SourceLocation> helo;
        if (auto s = v.find("smtp")) {
            ua.smtp = readSmtpStyle(*s);
            if (!ua.smtp.ehlo) helo = s->get("ehlo").where();
        }
        if (auto a = v.find("actions")) {
            for (const auto& item : a->items("actions")) ua.actions.push_back(readAction(item, ua, helo, spec, heloRelays));
        }
        spec.userAgents.push_back(std::move(ua));
    }
}

}  // namespace netstage::scenario
