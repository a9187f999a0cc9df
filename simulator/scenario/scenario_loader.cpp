#include "simulator/scenario/scenario_loader.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "simulator/scenario/ftp_loader.hpp"
#include "simulator/scenario/imap_actions.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

namespace {

std::optional<HostRole> parseRole(std::string_view text) {
    if (text == "pc") return HostRole::Pc;
    if (text == "laptop") return HostRole::Laptop;
    if (text == "phone") return HostRole::Phone;
    if (text == "mail-server") return HostRole::MailServer;
    if (text == "dns-server") return HostRole::DnsServer;
    if (text == "ftp-server") return HostRole::FtpServer;
    if (text == "server") return HostRole::Server;
    return std::nullopt;
}

Position readPosition(const YamlValue& v) {
    if (!v.isSequence() || v.size() != 2) v.fail("expected a position [x, y], found something else");
    return Position{v.at(0).asNumber(), v.at(1).asNumber()};
}

class Loader {
public:
    Loader(const std::string& file) : file_{file} {}

    ScenarioSpec load(const YAML::Node& root) {
        YamlValue top{root, file_, {file_, 1, 1}};
        if (!root.IsDefined() || root.IsNull()) {
            throw ScenarioError{{file_, 1, 1}, "expected a scenario (a mapping with title, hosts and links), found an empty file"};
        }
        top.requireMap("a scenario with title, hosts and links");
        top.allowOnly({"title", "description", "seed", "stop_at", "hosts", "routers", "links", "dns", "mail_servers",
                       "user_agents", "faults", "narration", "ftp_servers", "ftp_clients"});
        spec_.file = file_;
        spec_.title = top.get("title").asString();
        if (auto d = top.find("description")) spec_.description = d->asString();
        if (auto s = top.find("seed")) spec_.seed = s->asUnsigned();
        if (auto s = top.find("stop_at")) spec_.stopAt = s->asDuration();
        for (const auto& h : top.get("hosts").items("hosts")) readHost(h);
        if (auto r = top.find("routers")) {
            for (const auto& item : r->items("routers")) readRouter(item);
        }
        for (const auto& l : top.get("links").items("links")) readLink(l);
        if (auto d = top.find("dns")) readDns(*d);
        if (auto m = top.find("mail_servers")) {
            for (const auto& item : m->items("mail servers")) readMailServer(item);
        }
        if (auto u = top.find("user_agents")) {
            for (const auto& item : u->items("user agents")) readUserAgent(item);
        }
        if (auto f = top.find("ftp_servers")) readFtpServers(*f, spec_);
        if (auto f = top.find("ftp_clients")) readFtpClients(*f, spec_);
        if (auto f = top.find("faults")) {
            for (const auto& item : f->items("faults")) readFault(item);
        }
        if (auto n = top.find("narration")) {
            for (const auto& item : n->items("captions")) readCaption(item);
        }
        return std::move(spec_);
    }

private:
    void claimName(const YamlValue& where, const std::string& name) {
        if (name.empty()) where.fail("expected a non-empty name");
        if (!names_.insert(name).second) where.fail("the name '" + name + "' is already used by another host or router");
    }

    void claimAddress(const YamlValue& where, Ipv4Address address) {
        if (!addresses_.insert(address.value()).second) {
            where.fail("the address " + address.toString() + " is already used by another interface");
        }
    }

    void readHost(const YamlValue& v) {
        v.requireMap("a host");
        v.allowOnly({"name", "role", "address", "position", "accepts_incoming"});
        HostSpec host;
        host.where = v.where();
        const auto name = v.get("name");
        host.name = name.asString();
        claimName(name, host.name);
        if (auto r = v.find("role")) {
            const auto role = parseRole(r->asString());
            if (!role) r->fail("expected a role: pc, laptop, phone, mail-server, dns-server, ftp-server or server");
            host.role = *role;
        }
        const auto address = v.get("address");
        host.address = address.asAddress();
        claimAddress(address, host.address);
        if (auto p = v.find("position")) host.position = readPosition(*p);
        if (auto a = v.find("accepts_incoming")) host.acceptsIncoming = a->asBool();
        spec_.hosts.push_back(std::move(host));
    }

    void readRouter(const YamlValue& v) {
        v.requireMap("a router");
        v.allowOnly({"name", "position"});
        RouterSpec router;
        router.where = v.where();
        const auto name = v.get("name");
        router.name = name.asString();
        claimName(name, router.name);
        if (auto p = v.find("position")) router.position = readPosition(*p);
        spec_.routers.push_back(std::move(router));
    }

    std::string requireNode(const YamlValue& v) {
        const std::string name = v.asString();
        if (!names_.count(name)) v.fail("unknown host or router '" + name + "'");
        return name;
    }

    void readLink(const YamlValue& v) {
        v.requireMap("a link");
        v.allowOnly({"between", "rate", "delay", "loss", "queue", "addresses"});
        LinkSpec link;
        link.where = v.where();
        const auto between = v.get("between");
        if (!between.isSequence() || between.size() != 2) between.fail("expected the two ends of the link: [host-or-router, host-or-router]");
        link.a = requireNode(between.at(0));
        link.b = requireNode(between.at(1));
        if (link.a == link.b) between.fail("a link needs two different ends");
        if (auto r = v.find("rate")) link.bitsPerSecond = r->asBitRate();
        if (auto d = v.find("delay")) link.delay = d->asDuration();
        if (auto l = v.find("loss")) link.loss = l->asProbability();
        if (auto q = v.find("queue")) link.queue = static_cast<std::size_t>(q->asUnsigned(1'000'000));
        if (auto a = v.find("addresses")) {
            if (!a->isSequence() || a->size() != 2) a->fail("expected two interface addresses [address-of-first-end, address-of-second-end]");
            link.addressA = a->at(0).asAddress();
            link.addressB = a->at(1).asAddress();
            claimAddress(a->at(0), *link.addressA);
            claimAddress(a->at(1), *link.addressB);
        }
        spec_.links.push_back(std::move(link));
    }

    std::string requireHost(const YamlValue& v) {
        const std::string name = v.asString();
        if (!spec_.findHost(name)) v.fail("unknown host '" + name + "'");
        return name;
    }

    void readDns(const YamlValue& v) {
        v.requireMap("the DNS set-up");
        v.allowOnly({"server", "records"});
        DnsSpec dns;
        dns.server = requireHost(v.get("server"));
        for (const auto& r : v.get("records").items("DNS records")) {
            r.requireMap("a DNS record");
            r.allowOnly({"name", "type", "address", "preference", "exchange"});
            DnsRecordSpec record;
            record.where = r.where();
            record.name = r.get("name").asString();
            const auto type = r.get("type");
            const std::string t = type.asString();
            if (t == "A") {
                record.type = DnsRecordSpec::Type::A;
                record.address = r.get("address").asAddress();
            } else if (t == "MX") {
                record.type = DnsRecordSpec::Type::Mx;
                record.exchange = r.get("exchange").asString();
                if (auto p = r.find("preference")) record.preference = static_cast<std::uint16_t>(p->asUnsigned(65535));
            } else {
                type.fail("expected a record type A or MX, found '" + t + "'");
            }
            dns.records.push_back(std::move(record));
        }
        spec_.dns = std::move(dns);
    }

    static std::map<std::string, std::string> readReplies(const YamlValue& v, std::initializer_list<std::string_view> keys) {
        v.requireMap("reply texts");
        v.allowOnly(keys);
        std::map<std::string, std::string> out;
        for (const auto& entry : v.node()) {
            out[entry.first.Scalar()] = YamlValue{entry.second, v.where().file, v.where()}.asString();
        }
        return out;
    }

    void readMailServer(const YamlValue& v) {
        v.requireMap("a mail server");
        v.allowOnly({"host", "domain", "users", "smtp_replies", "pop3_replies", "add_received", "add_message_id", "relay_smtp",
                     "retry_interval", "give_up_after"});
        MailServerSpec server;
        server.where = v.where();
        server.host = requireHost(v.get("host"));
        server.domain = v.get("domain").asString();
        if (auto u = v.find("users")) {
            for (const auto& item : u->items("users")) server.users.push_back(readUser(item));
        }
        if (auto r = v.find("smtp_replies")) {
            server.smtpReplies = readReplies(*r, {"greeting", "helo", "ehlo", "mail", "rcpt", "data", "accepted", "quit"});
        }
        if (auto r = v.find("pop3_replies")) server.pop3Replies = readReplies(*r, {"greeting", "user", "pass", "quit"});
        if (auto a = v.find("add_received")) server.addReceived = a->asBool();
        if (auto a = v.find("add_message_id")) server.addMessageId = a->asBool();
        if (auto r = v.find("relay_smtp")) server.relay = readSmtpStyle(*r);
        if (auto r = v.find("retry_interval")) server.retryInterval = r->asDuration();
        if (auto g = v.find("give_up_after")) server.giveUpAfter = g->asDuration();
        spec_.mailServers.push_back(std::move(server));
    }

    MailUserSpec readUser(const YamlValue& v) {
        v.requireMap("a mail user");
        v.allowOnly({"name", "password", "messages", "folders"});
        MailUserSpec user;
        user.where = v.where();
        user.name = v.get("name").asString();
        if (auto p = v.find("password")) user.password = p->asString();
        if (auto f = v.find("folders")) user.folders = f->asStringList();
        if (auto m = v.find("messages")) {
            for (const auto& item : m->items("messages")) {
                item.requireMap("a stored message");
                item.allowOnly({"from", "to", "subject", "body", "raw", "size", "flags"});
                StoredMessageSpec message;
                message.where = item.where();
                if (auto x = item.find("raw")) message.raw = x->asString();
                if (auto x = item.find("from")) message.from = x->asString();
                if (auto x = item.find("to")) message.to = x->asString();
                if (auto x = item.find("subject")) message.subject = x->asString();
                if (auto x = item.find("body")) message.body = x->asString();
                if (auto x = item.find("size")) message.size = static_cast<std::size_t>(x->asUnsigned(10'000'000));
                if (auto x = item.find("flags")) message.flags = x->asStringList();
                user.messages.push_back(std::move(message));
            }
        }
        return user;
    }

    void readUserAgent(const YamlValue& v) {
        v.requireMap("a user agent");
        v.allowOnly({"name", "host", "address", "user", "password", "server", "smtp", "actions"});
        UserAgentSpec ua;
        ua.where = v.where();
        ua.host = requireHost(v.get("host"));
        ua.name = ua.host;
        if (auto n = v.find("name")) ua.name = n->asString();
        const auto address = v.get("address");
        ua.address = address.asString();
        const auto at = ua.address.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == ua.address.size()) address.fail("expected an e-mail address such as alice@crepes.fr");
        ua.user = ua.address.substr(0, at);
        if (auto u = v.find("user")) ua.user = u->asString();
        if (auto p = v.find("password")) ua.password = p->asString();
        ua.server = requireHost(v.get("server"));
        if (auto s = v.find("smtp")) ua.smtp = readSmtpStyle(*s);
        if (auto a = v.find("actions")) {
            for (const auto& item : a->items("actions")) ua.actions.push_back(readAction(item));
        }
        spec_.userAgents.push_back(std::move(ua));
    }

    static SmtpStyleSpec readSmtpStyle(const YamlValue& v) {
        v.requireMap("SMTP client style");
        v.allowOnly({"ehlo", "space_after_colon", "helo_domain"});
        SmtpStyleSpec style;
        if (auto x = v.find("ehlo")) style.ehlo = x->asBool();
        if (auto x = v.find("space_after_colon")) style.spaceAfterColon = x->asBool();
        if (auto x = v.find("helo_domain")) style.heloDomain = x->asString();
        return style;
    }

    UserAgentActionSpec readAction(const YamlValue& v) {
        v.requireMap("an action");
        v.allowOnly({"at", "send", "pop3", "imap"});
        UserAgentActionSpec action;
        action.where = v.where();
        action.at = v.get("at").asDuration();
        if (auto s = v.find("send")) {
            action.kind = UserAgentActionSpec::Kind::Send;
            s->requireMap("a message to send");
            s->allowOnly({"to", "cc", "subject", "body", "headers"});
            action.send.to = s->get("to").asStringList();
            if (auto x = s->find("cc")) action.send.cc = x->asStringList();
            if (auto x = s->find("subject")) action.send.subject = x->asString();
            action.send.body = s->get("body").asString();
            if (auto x = s->find("headers")) action.send.headers = x->asBool();
        } else if (auto p = v.find("pop3")) {
            action.kind = UserAgentActionSpec::Kind::Pop3;
            p->requireMap("a POP3 read");
            p->allowOnly({"mode", "lower_case"});
            if (auto m = p->find("mode")) {
                const std::string mode = m->asString();
                if (mode == "download-and-keep") action.pop3.keep = true;
                else if (mode != "download-and-delete") m->fail("expected download-and-delete or download-and-keep");
            }
            if (auto x = p->find("lower_case")) action.pop3.lowerCase = x->asBool();
        } else if (auto m = v.find("imap")) {
            action.kind = UserAgentActionSpec::Kind::Imap;
            action.imap = readImapActions(*m);
        } else {
            v.fail("expected an action: 'send', 'pop3' or 'imap'");
        }
        return action;
    }

    void readFault(const YamlValue& v) {
        v.requireMap("a fault");
        v.allowOnly({"at", "link", "state"});
        FaultSpec fault;
        fault.where = v.where();
        fault.at = v.get("at").asDuration();
        const auto link = v.get("link");
        if (!link.isSequence() || link.size() != 2) link.fail("expected the two ends of a link: [a, b]");
        fault.a = requireNode(link.at(0));
        fault.b = requireNode(link.at(1));
        bool found = false;
        for (const auto& l : spec_.links) found = found || (l.a == fault.a && l.b == fault.b) || (l.a == fault.b && l.b == fault.a);
        if (!found) link.fail("there is no link between '" + fault.a + "' and '" + fault.b + "'");
        const auto state = v.get("state");
        const std::string s = state.asString();
        if (s == "down") fault.kind = FaultSpec::Kind::LinkDown;
        else if (s == "up") fault.kind = FaultSpec::Kind::LinkUp;
        else state.fail("expected down or up, found '" + s + "'");
        spec_.faults.push_back(std::move(fault));
    }

    void readCaption(const YamlValue& v) {
        v.requireMap("a caption");
        v.allowOnly({"at", "on", "text"});
        CaptionSpec caption;
        caption.where = v.where();
        caption.text = v.get("text").asString();
        if (auto a = v.find("at")) caption.at = a->asDuration();
        if (auto on = v.find("on")) {
            on->requireMap("the event a caption waits for ({layer: ..., type: ..., node: ...})");
            on->allowOnly({"layer", "type", "node", "line"});
            caption.layer = on->get("layer").asString();
            caption.type = on->get("type").asString();
            if (auto n = on->find("node")) caption.node = requireNode(*n);
            if (auto l = on->find("line")) caption.lineText = l->asString();
        }
        if (caption.at.has_value() == caption.layer.has_value()) v.fail("a caption needs exactly one of 'at' (a time) or 'on' (an event)");
        spec_.captions.push_back(std::move(caption));
    }

    const std::string& file_;
    ScenarioSpec spec_;
    std::set<std::string> names_;
    std::set<std::uint32_t> addresses_;
};

}  // namespace

std::string_view toString(HostRole role) {
    switch (role) {
        case HostRole::Pc: return "pc";
        case HostRole::Laptop: return "laptop";
        case HostRole::Phone: return "phone";
        case HostRole::MailServer: return "mail-server";
        case HostRole::DnsServer: return "dns-server";
        case HostRole::FtpServer: return "ftp-server";
        case HostRole::Server: return "server";
    }
    return "pc";
}

const HostSpec* ScenarioSpec::findHost(std::string_view name) const {
    for (const auto& h : hosts) {
        if (h.name == name) return &h;
    }
    return nullptr;
}

bool ScenarioSpec::hasNode(std::string_view name) const {
    if (findHost(name)) return true;
    for (const auto& r : routers) {
        if (r.name == name) return true;
    }
    return false;
}

ScenarioSpec loadScenarioText(std::string_view text, const std::string& fileName) {
    if (text.find('\0') != std::string_view::npos) {
        // yaml-cpp stops at NUL; a binary file must not half-parse.
        std::size_t line = 1;
        std::size_t column = 1;
        for (char c : text.substr(0, text.find('\0'))) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw ScenarioError{{fileName, static_cast<int>(line), static_cast<int>(column)},
                            "expected a text (YAML) file, found a NUL byte: is this a binary file?"};
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string{text});
    } catch (const YAML::Exception& e) {
        throw ScenarioError{{fileName, e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg};
    }
    try {
        return Loader{fileName}.load(root);
    } catch (const YAML::Exception& e) {
        throw ScenarioError{{fileName, e.mark.line + 1, e.mark.column + 1}, e.msg};
    }
}

ScenarioSpec loadScenarioFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) throw ScenarioError{{path, 0, 0}, "cannot open the file (does it exist, and may it be read?)"};
    std::ostringstream text;
    text << in.rdbuf();
    return loadScenarioText(text.str(), path);
}

}  // namespace netstage::scenario
