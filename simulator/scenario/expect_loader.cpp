#include "simulator/scenario/expect_loader.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "simulator/scenario/scenario_text.hpp"

namespace netstage::scenario {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Keys every kind of expectation takes beside its own.
constexpr std::string_view kCommonKeys[] = {"before", "after", "points", "note"};

class ExpectReader {
public:
    explicit ExpectReader(const ScenarioSpec* names) : names_{names} {}

    expect::Expectation read(const YamlValue& v) {
        v.requireMap("an expectation (a mapping such as {mailbox: bob@hamburger.edu, count: 1})");
        expect::Expectation e;
        e.where = originOf(v.where());
        if (auto p = v.find("points")) e.points = p->asUnsigned(1'000'000);
        if (auto n = v.find("note")) e.note = n->asString();
        if (auto b = v.find("before")) e.time.before = b->asDuration();
        if (auto a = v.find("after")) e.time.after = a->asDuration();
        if (v.has("mailbox")) e.what = mailbox(v);
        else if (v.has("mail")) e.what = mail(v);
        else if (v.has("dialogue")) e.what = dialogue(v);
        else if (v.has("ftp_file")) e.what = ftpFile(v);
        else if (v.has("ftp_transfer")) e.what = ftpTransfer(v);
        else if (v.has("tcp")) e.what = tcp(v);
        else if (v.has("chart")) e.what = chart(v);
        else {
            v.fail("expected one of the expectation kinds: mailbox, mail, dialogue, ftp_file, ftp_transfer, tcp, chart");
        }
        const bool timed = !std::holds_alternative<expect::MailboxCount>(e.what) && !std::holds_alternative<expect::FtpFile>(e.what);
        if (e.time.any() && !timed) {
            (v.find("before") ? *v.find("before") : *v.find("after"))
                .fail("before/after bound when something happens; a mailbox's count and a file are checked as the run ends");
        }
        return e;
    }

private:
    // Allows the kind's own keys and the common ones.
    static void allow(const YamlValue& v, std::initializer_list<std::string_view> own) {
        std::vector<std::string_view> keys{own};
        keys.insert(keys.end(), std::begin(kCommonKeys), std::end(kCommonKeys));
        std::vector<std::pair<std::string, int>> seen;
        for (const auto& [key, value] : v.entries()) {
            const std::string name = key.isScalar() ? key.node().Scalar() : std::string{};
            for (const auto& [earlier, line] : seen) {
                if (earlier == name) {
                    key.fail("the key '" + name + "' appears twice in this mapping (first at line " + std::to_string(line) + "); remove one");
                }
            }
            seen.emplace_back(name, key.where().line);
            if (std::find(keys.begin(), keys.end(), name) != keys.end()) continue;
            std::string known;
            for (auto k : keys) known += (known.empty() ? "" : ", ") + std::string{k};
            key.fail("unknown key '" + name + "' for this expectation (expected one of: " + known + ")");
        }
    }

    std::string host(const YamlValue& v) {
        const std::string name = v.asString();
        if (names_ != nullptr && !names_->hasNode(name)) v.fail("unknown host '" + name + "'");
        return name;
    }

    const MailServerSpec* mailServerOfHost(const YamlValue& v) {
        const std::string name = v.asString();
        if (names_ == nullptr) return nullptr;
        for (const auto& s : names_->mailServers) {
            if (s.host == name) return &s;
        }
        v.fail("'" + name + "' is not a mail server of this scenario");
    }

    // bob@hamburger.edu: the server of that domain, and one of its users.
    std::pair<std::string, const MailUserSpec*> mailboxOf(const YamlValue& v, const std::string& address) {
        const std::size_t at = address.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == address.size()) {
            v.fail("expected a mailbox address such as bob@hamburger.edu, found '" + address + "'");
        }
        if (names_ == nullptr) return {"", nullptr};
        const std::string user = address.substr(0, at);
        const std::string domain = address.substr(at + 1);
        for (const auto& s : names_->mailServers) {
            if (!equalsIgnoringCase(s.domain, domain)) continue;
            for (const auto& u : s.users) {
                if (u.name == user) return {s.host, &u};
            }
            std::string users;
            for (const auto& u : s.users) users += (users.empty() ? "" : ", ") + u.name;
            v.fail("unknown mailbox '" + address + "': " + s.host + " has the users " + (users.empty() ? "(none)" : users));
        }
        v.fail("unknown mailbox '" + address + "': no mail server of this scenario serves " + domain);
    }

    std::string folder(const YamlValue& v, const std::string& address, const MailUserSpec* user) {
        const std::string name = v.asString();
        if (name == "INBOX" || user == nullptr) return name;
        if (std::find(user->folders.begin(), user->folders.end(), name) != user->folders.end()) return name;
        for (const auto& agent : names_->userAgents) {
            if (!equalsIgnoringCase(agent.address, address)) continue;
            for (const auto& action : agent.actions) {
                for (const auto& step : action.imap) {
                    if (step.kind == "create" && step.folder == name) return name;
                }
            }
        }
        v.fail("unknown folder '" + name + "' of " + address + " (neither declared in folders nor created by an imap action)");
    }

    static expect::TextMatch pattern(const YamlValue& v) {
        const std::string text = v.asString();
        try {
            return expect::TextMatch::matches(text);
        } catch (const std::regex_error& e) {
            v.fail("the pattern /" + text + "/ does not compile: " + e.what());
        }
    }

    // Exactly one of contains, equals or matches in `v`.
    static expect::TextMatch textMatch(const YamlValue& v) {
        const int given = v.has("contains") + v.has("equals") + v.has("matches");
        if (given != 1) v.fail("expected exactly one of contains, equals or matches");
        if (auto c = v.find("contains")) return expect::TextMatch::contains(c->asString());
        if (auto e = v.find("equals")) return expect::TextMatch::equals(e->asString());
        return pattern(v.get("matches"));
    }

    expect::Assertion mailbox(const YamlValue& v) {
        allow(v, {"mailbox", "server", "folder", "count", "message"});
        const auto box = v.get("mailbox");
        const std::string address = box.asString();
        auto [server, user] = mailboxOf(box, address);
        if (auto s = v.find("server")) {
            // A domain served by two servers (a backup MX) names which one's mailbox.
            const MailServerSpec* chosen = mailServerOfHost(*s);
            if (chosen != nullptr) {
                const std::string domain = address.substr(address.find('@') + 1);
                if (!equalsIgnoringCase(chosen->domain, domain)) s->fail(chosen->host + " does not serve " + domain);
                server = chosen->host;
            }
        }
        std::string folderName = "INBOX";
        if (auto f = v.find("folder")) folderName = folder(*f, address, user);
        if (v.has("count") == v.has("message")) v.fail("a mailbox expectation needs exactly one of count or message");
        if (auto c = v.find("count")) return expect::MailboxCount{server, address, folderName, c->asUnsigned(1'000'000)};
        const auto m = v.get("message");
        m.requireMap("the message to look for ({header: Subject, contains: text}, or without header: the body)");
        m.allowOnly({"header", "contains", "equals", "matches"});
        expect::MailboxMessage out;
        out.server = server;
        out.mailbox = address;
        out.user = address.substr(0, address.find('@'));
        out.folder = folderName;
        if (auto h = m.find("header")) {
            const std::string name = h->asString();
            const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c > 32 && c < 127 && c != ':'; });
            if (!valid) h->fail("expected a header field name such as Subject or From, found '" + name + "'");
            out.header = name;
        }
        out.match = textMatch(m);
        return out;
    }

    expect::Assertion mail(const YamlValue& v) {
        allow(v, {"mail", "to", "at", "via"});
        const auto kind = v.get("mail");
        const std::string k = kind.asString();
        expect::MailOutcome out;
        if (k == "delivered") out.fate = expect::MailFate::Delivered;
        else if (k == "queued") out.fate = expect::MailFate::Queued;
        else if (k == "relayed") out.fate = expect::MailFate::Relayed;
        else if (k == "bounced") out.fate = expect::MailFate::Bounced;
        else kind.fail("expected delivered, queued, relayed or bounced, found '" + k + "'");
        if (auto t = v.find("to")) {
            const std::string address = t->asString();
            // A delivery goes into a mailbox of the scenario; a bounce may well be for one that is not.
            if (out.fate == expect::MailFate::Delivered) mailboxOf(*t, address);
            else if (address.find('@') == std::string::npos) t->fail("expected an address such as bob@hamburger.edu, found '" + address + "'");
            out.to = address;
        }
        if (auto a = v.find("at")) {
            mailServerOfHost(*a);
            out.at = a->asString();
        }
        if (auto via = v.find("via")) {
            if (out.fate != expect::MailFate::Relayed) via->fail("'via' names where a message was relayed to; use it with 'mail: relayed'");
            out.via = host(*via);
        }
        return out;
    }

    expect::DialogueFilter dialogueFilter(const YamlValue& v) {
        const auto p = v.get("dialogue");
        expect::DialogueFilter filter;
        filter.protocol = p.asString();
        if (filter.protocol != "smtp" && filter.protocol != "pop3" && filter.protocol != "imap" && filter.protocol != "ftp" &&
            filter.protocol != "http") {
            p.fail("expected a protocol with a dialogue: smtp, pop3, imap, ftp or http, found '" + filter.protocol + "'");
        }
        if (auto c = v.find("client")) filter.client = host(*c);
        if (auto s = v.find("server")) filter.server = host(*s);
        return filter;
    }

    static expect::LinePattern line(const YamlValue& v) {
        expect::LinePattern out;
        if (v.isScalar()) {
            const std::string text = v.asString();
            if (text.size() < 3 || (text[0] != 'C' && text[0] != 'S') || text[1] != ':' || text[2] != ' ') {
                v.fail("expected a transcript line such as \"C: HELO crepes.fr\" or \"S: 250 OK\", found '" + text + "'");
            }
            out.from = text[0];
            out.text = expect::TextMatch::equals(text.substr(3));
            return out;
        }
        v.requireMap("a line (\"C: text\", or {from: C or S, contains|equals|matches: ...})");
        v.allowOnly({"from", "contains", "equals", "matches"});
        const auto from = v.get("from");
        const std::string side = from.asString();
        if (side != "C" && side != "S") from.fail("expected C (the client) or S (the server), found '" + side + "'");
        out.from = side[0];
        out.text = textMatch(v);
        return out;
    }

    expect::Assertion dialogue(const YamlValue& v) {
        allow(v, {"dialogue", "client", "server", "lines", "reply_to", "code"});
        expect::DialogueFilter filter = dialogueFilter(v);
        if (v.has("lines") == v.has("reply_to")) v.fail("a dialogue expectation needs exactly one of lines or reply_to (with code)");
        if (auto l = v.find("lines")) {
            if (v.has("code")) v.get("code").fail("'code' goes with reply_to");
            expect::DialogueLines out{std::move(filter), {}};
            for (const auto& item : l->items("transcript lines")) out.lines.push_back(line(item));
            if (out.lines.empty()) l->fail("expected at least one line");
            return out;
        }
        if (filter.protocol != "smtp" && filter.protocol != "ftp") {
            v.get("reply_to").fail("reply codes are SMTP's and FTP's; for " + filter.protocol + " give the lines instead");
        }
        expect::DialogueReply out;
        out.dialogue = std::move(filter);
        const auto command = v.get("reply_to");
        out.command = command.asString();
        if (out.command.empty() || out.command.find(' ') != std::string::npos) {
            command.fail("expected a command verb such as RCPT or RETR, found '" + out.command + "'");
        }
        for (char& c : out.command) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto code = v.get("code");
        out.code = static_cast<int>(code.asUnsigned(999));
        if (out.code < 100) code.fail("expected a three-digit reply code such as 250 or 425");
        return out;
    }

    expect::Assertion ftpFile(const YamlValue& v) {
        allow(v, {"ftp_file", "server", "user", "size", "sha256", "exists"});
        expect::FtpFile out;
        const auto path = v.get("ftp_file");
        out.path = readLineText(path, "a file path");
        if (!out.path.starts_with('/')) out.path.insert(out.path.begin(), '/');
        const auto server = v.get("server");
        out.server = server.asString();
        const auto user = v.get("user");
        out.user = user.asString();
        if (names_ != nullptr) {
            const auto s = std::find_if(names_->ftpServers.begin(), names_->ftpServers.end(), [&](const auto& f) { return f.host == out.server; });
            if (s == names_->ftpServers.end()) server.fail("'" + out.server + "' is not an FTP server of this scenario");
            if (std::none_of(s->users.begin(), s->users.end(), [&](const auto& u) { return u.name == out.user; })) {
                user.fail("unknown FTP user '" + out.user + "' on " + out.server);
            }
        }
        if (auto e = v.find("exists")) out.exists = e->asBool();
        if (auto s = v.find("size")) out.size = s->asUnsigned();
        if (auto h = v.find("sha256")) {
            std::string digest = h->asString();
            for (char& c : digest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (digest.size() != 64 || !std::all_of(digest.begin(), digest.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
                h->fail("expected a SHA-256 digest: 64 hexadecimal digits");
            }
            out.sha256 = digest;
        }
        if (!out.exists && (out.size || out.sha256)) v.fail("a file that must not exist has no size or SHA-256");
        return out;
    }

    expect::Assertion ftpTransfer(const YamlValue& v) {
        allow(v, {"ftp_transfer", "mode", "client", "server"});
        expect::FtpTransferMode out;
        const std::string file = v.get("ftp_transfer").asString();
        if (file != "any") out.file = file;
        const auto mode = v.get("mode");
        const std::string m = mode.asString();
        if (m == "passive") out.passive = true;
        else if (m == "active") out.passive = false;
        else mode.fail("expected passive or active, found '" + m + "'");
        if (auto c = v.find("client")) out.client = host(*c);
        if (auto s = v.find("server")) out.server = host(*s);
        return out;
    }

    expect::Assertion tcp(const YamlValue& v) {
        const auto kind = v.get("tcp");
        const std::string k = kind.asString();
        if (k == "opened" || k == "closed") {
            allow(v, {"tcp", "by", "peer", "port"});
            expect::TcpConnection out;
            out.event = k == "opened" ? expect::TcpEvent::Opened : expect::TcpEvent::Closed;
            out.by = host(v.get("by"));
            if (auto p = v.find("peer")) out.peer = host(*p);
            if (auto p = v.find("port")) out.port = port(*p);
            return out;
        }
        if (k == "retransmissions") {
            allow(v, {"tcp", "host", "at_least"});
            expect::TcpRetransmissions out;
            if (auto h = v.find("host")) out.host = host(*h);
            out.atLeast = v.get("at_least").asUnsigned(1'000'000'000);
            if (out.atLeast == 0) v.get("at_least").fail("at_least: 0 always holds; give 1 or more");
            return out;
        }
        if (k == "lost") {
            allow(v, {"tcp", "host", "reason", "port"});
            expect::SegmentLost out;
            if (auto h = v.find("host")) out.host = host(*h);
            if (auto p = v.find("port")) out.port = port(*p);
            if (auto r = v.find("reason")) {
                const std::string reason = r->asString();
                static constexpr std::string_view kReasons[] = {"loss", "queue-full", "link-down", "no-route", "ttl-expired"};
                if (std::find(std::begin(kReasons), std::end(kReasons), reason) == std::end(kReasons)) {
                    r->fail("expected a reason: loss, queue-full, link-down, no-route or ttl-expired, found '" + reason + "'");
                }
                out.reason = reason;
            }
            return out;
        }
        kind.fail("expected opened, closed, retransmissions or lost, found '" + k + "'");
    }

    static std::uint16_t port(const YamlValue& v) {
        const auto value = v.asUnsigned(65535);
        if (value == 0) v.fail("expected a port from 1 to 65535");
        return static_cast<std::uint16_t>(value);
    }

    expect::ChartStep step(const YamlValue& v) {
        expect::ChartStep out;
        if (v.isScalar()) {
            // "crepes.fr -> hamburger.edu: HELO crepes.fr"
            const std::string text = v.asString();
            const std::size_t arrow = text.find(" -> ");
            const std::size_t colon = arrow == std::string::npos ? std::string::npos : text.find(": ", arrow + 4);
            if (colon == std::string::npos) {
                v.fail("expected an arrow such as \"crepes.fr -> hamburger.edu: HELO crepes.fr\", found '" + text + "'");
            }
            out.from = text.substr(0, arrow);
            out.to = text.substr(arrow + 4, colon - arrow - 4);
            out.label = expect::TextMatch::equals(text.substr(colon + 2));
            checkLifeline(v, out.from);
            checkLifeline(v, out.to);
            return out;
        }
        v.requireMap("an arrow (\"from -> to: label\", or {from: host, to: host, contains|equals|matches: ...})");
        v.allowOnly({"from", "to", "contains", "equals", "matches"});
        out.from = host(v.get("from"));
        out.to = host(v.get("to"));
        out.label = textMatch(v);
        return out;
    }

    void checkLifeline(const YamlValue& v, const std::string& name) {
        if (names_ != nullptr && !names_->hasNode(name)) v.fail("unknown host '" + name + "'");
    }

    expect::Assertion chart(const YamlValue& v) {
        allow(v, {"chart", "segments"});
        expect::ChartSequence out;
        const auto list = v.get("chart");
        for (const auto& item : list.items("arrows")) out.steps.push_back(step(item));
        if (out.steps.empty()) list.fail("expected at least one arrow");
        if (auto t = v.find("segments")) out.tcp = t->asBool();
        return out;
    }

    const ScenarioSpec* names_;
};

}  // namespace

expect::Origin originOf(const SourceLocation& where) { return {where.file, where.line, where.column}; }

std::vector<expect::Expectation> readExpectations(const YamlValue& list, const ScenarioSpec* names) {
    ExpectReader reader{names};
    std::vector<expect::Expectation> out;
    for (const auto& item : list.items("expectations")) out.push_back(reader.read(item));
    return out;
}

}  // namespace netstage::scenario
