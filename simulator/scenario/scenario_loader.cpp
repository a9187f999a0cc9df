#include "simulator/scenario/scenario_loader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "protocols/common/base64.hpp"
#include "simulator/scenario/address_plan.hpp"
#include "simulator/scenario/expect_loader.hpp"
#include "simulator/scenario/ftp_loader.hpp"
#include "simulator/scenario/mail_loader.hpp"
#include "simulator/scenario/quiz_loader.hpp"
#include "simulator/scenario/scenario_limits.hpp"
#include "simulator/scenario/scenario_text.hpp"
#include "simulator/scenario/visitor.hpp"
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

double coordinate(const YamlValue& v) {
    const double value = v.asNumber();
    if (std::abs(value) > limits::kLargestCoordinate) {
        v.fail("expected a coordinate between -1000000 and 1000000, found " + v.asString());
    }
    return value;
}

Position readPosition(const YamlValue& v) {
    if (!v.isSequence() || v.size() != 2) v.fail("expected a position [x, y], found something else");
    return Position{coordinate(v.at(0)), coordinate(v.at(1))};
}

// An interface address: 0.0.0.0 means "this host" and is never on an interface.
Ipv4Address interfaceAddress(const YamlValue& v) {
    const Ipv4Address address = v.asAddress();
    if (address == Ipv4Address{}) v.fail("0.0.0.0 is not an interface address (it means 'no address')");
    return address;
}

class Loader {
public:
    Loader(const std::string& file) : file_{file}, document_{file, 0, 0} {}

    ScenarioSpec load(const YAML::Node& root) {
        YamlValue top{root, document_, {file_, 1, 1}};
        if (!root.IsDefined() || root.IsNull()) {
            throw ScenarioError{{file_, 1, 1}, "expected a scenario (a mapping with title, hosts and links), found an empty file"};
        }
        top.requireMap("a scenario with title, hosts and links");
        top.allowOnly({"title", "description", "seed", "stop_at", "hosts", "routers", "links", "dns", "mail_servers",
                       "user_agents", "faults", "narration", "ftp_servers", "ftp_clients", "bridge", "expect", "quiz"});
        spec_.file = file_;
        spec_.title = top.get("title").asString();
        if (auto d = top.find("description")) spec_.description = d->asString();
        if (auto s = top.find("seed")) spec_.seed = s->asUnsigned();
        if (auto s = top.find("stop_at")) spec_.stopAt = s->asDuration();  // bounded, so no event time overflows
        for (const auto& h : top.get("hosts").items("hosts")) readHost(h);
        if (auto r = top.find("routers")) {
            for (const auto& item : r->items("routers")) readRouter(item);
        }
        for (const auto& l : top.get("links").items("links")) readLink(l);
        if (auto d = top.find("dns")) readDns(*d);
        planLinkAddresses(spec_);  // refuses a clash of addresses with the link's location
        HeloRelays heloRelays;
        if (auto m = top.find("mail_servers")) heloRelays = readMailServers(*m, spec_);
        if (auto u = top.find("user_agents")) readUserAgents(*u, spec_, heloRelays);
        if (auto f = top.find("ftp_servers")) readFtpServers(*f, spec_);
        if (auto f = top.find("ftp_clients")) readFtpClients(*f, spec_);
        if (auto f = top.find("faults")) {
            for (const auto& item : f->items("faults")) readFault(item);
        }
        if (auto n = top.find("narration")) {
            for (const auto& item : n->items("captions")) readCaption(item);
        }
        if (auto b = top.find("bridge")) readBridge(*b);
        if (auto e = top.find("expect")) spec_.expectations = readExpectations(*e, &spec_);
        if (auto q = top.find("quiz")) spec_.quiz = readQuiz(*q, spec_);
        return std::move(spec_);
    }

private:
    std::string claimName(const YamlValue& where) {
        // Host names go onto the wire (HELO); routers follow the same rule so names read alike.
        const std::string name = readHostName(where, "a host or router name");
        if (!names_.insert(name).second) where.fail("the name '" + name + "' is already used by another host or router");
        return name;
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
        host.name = claimName(v.get("name"));
        if (auto r = v.find("role")) {
            const auto role = parseRole(r->asString());
            if (!role) r->fail("expected a role: pc, laptop, phone, mail-server, dns-server, ftp-server or server");
            host.role = *role;
        }
        const auto address = v.get("address");
        host.address = interfaceAddress(address);
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
        router.name = claimName(v.get("name"));
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
        const auto pair = std::minmax(link.a, link.b);
        if (const auto [at, fresh] = linkEnds_.emplace(std::pair{pair.first, pair.second}, link.where.line); !fresh) {
            between.fail("there is already a link between '" + link.a + "' and '" + link.b + "' (line " +
                         std::to_string(at->second) + ")");
        }
        if (auto r = v.find("rate")) link.bitsPerSecond = r->asBitRate();
        if (auto d = v.find("delay")) {
            link.delay = d->asDuration();
            if (link.delay > limits::kLongestLinkDelay) d->fail("expected a link delay of at most 1h, found '" + d->asString() + "'");
        }
        if (auto l = v.find("loss")) link.loss = l->asProbability();
        if (auto q = v.find("queue")) link.queue = static_cast<std::size_t>(q->asUnsigned(1'000'000));
        // A full queue of 1500-octet packets must drain within the longest time, or
        // a packet's departure time could pass the end of the simulated clock.
        const double drainSeconds = static_cast<double>(link.queue) * 1500.0 * 8.0 / static_cast<double>(link.bitsPerSecond);
        if (drainSeconds > static_cast<double>(limits::kLongestDuration.nanoseconds()) / 1e9) {
            const auto at = v.find("rate") ? *v.find("rate") : *v.find("queue");
            at.fail("a full queue of " + std::to_string(link.queue) + " packets would take more than 366 days to send at " +
                    std::to_string(link.bitsPerSecond) + " bit/s; give a higher rate or a shorter queue");
        }
        if (auto a = v.find("addresses")) {
            if (!a->isSequence() || a->size() != 2) a->fail("expected two interface addresses [address-of-first-end, address-of-second-end]");
            link.addressA = interfaceAddress(a->at(0));
            link.addressB = interfaceAddress(a->at(1));
            claimAddress(a->at(0), *link.addressA);
            claimAddress(a->at(1), *link.addressB);
        }
        spec_.links.push_back(std::move(link));
    }

    // A DNS owner or exchange name: a host name, optionally with the root's trailing dot.
    static std::string dnsName(const YamlValue& v) {
        const std::string name = readLineText(v, "a DNS name");
        const std::string_view bare = name.ends_with('.') ? std::string_view{name}.substr(0, name.size() - 1) : name;
        if (!isHostName(bare)) {
            v.fail("expected a DNS name such as mail.crepes.fr (letters, digits and hyphens, in dot-separated labels of "
                   "at most 63 characters), found '" + name + "'");
        }
        return name;
    }

    static std::string lowerCase(std::string text) {
        for (char& c : text) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (text.ends_with('.')) text.pop_back();
        return text;
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
        // A records: name -> (address, line); MX records: name + exchange -> line.
        std::map<std::string, std::pair<Ipv4Address, int>> addresses;
        std::map<std::pair<std::string, std::string>, int> exchanges;
        for (const auto& r : v.get("records").items("DNS records")) {
            r.requireMap("a DNS record");
            r.allowOnly({"name", "type", "address", "preference", "exchange"});
            DnsRecordSpec record;
            record.where = r.where();
            record.name = dnsName(r.get("name"));
            const auto type = r.get("type");
            const std::string t = type.asString();
            if (t == "A") {
                record.type = DnsRecordSpec::Type::A;
                record.address = r.get("address").asAddress();
                const auto [at, fresh] = addresses.emplace(lowerCase(record.name), std::pair{record.address, record.where.line});
                if (!fresh) {
                    const bool same = at->second.first == record.address;
                    r.get("name").fail(std::string{same ? "this A record repeats the one" : "this A record conflicts with the one"} +
                                       " at line " + std::to_string(at->second.second) + " (" + record.name + " -> " +
                                       at->second.first.toString() + "); give each name one address");
                }
            } else if (t == "MX") {
                record.type = DnsRecordSpec::Type::Mx;
                record.exchange = dnsName(r.get("exchange"));
                if (auto p = r.find("preference")) record.preference = static_cast<std::uint16_t>(p->asUnsigned(65535));
                const auto key = std::pair{lowerCase(record.name), lowerCase(record.exchange)};
                if (const auto [at, fresh] = exchanges.emplace(key, record.where.line); !fresh) {
                    r.get("exchange").fail("this MX record names the same exchange for " + record.name + " as the one at line " +
                                           std::to_string(at->second));
                }
            } else {
                type.fail("expected a record type A or MX, found '" + t + "'");
            }
            dns.records.push_back(std::move(record));
        }
        spec_.dns = std::move(dns);
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

    void readBridge(const YamlValue& v) {
        v.requireMap("the inputs of a live session ({from: host, inputs: [...]})");
        v.allowOnly({"from", "visitor", "inputs", "end"});
        BridgeSpec bridge;
        bridge.where = v.where();
        if (auto visitor = v.find("visitor"); visitor && visitor->asBool()) {
            const auto from = v.get("from");
            bridge.from = readHostName(from, "the visitor's host name");
            bridge.visitor = true;
            try {
                addVisitor(spec_, bridge.from);
            } catch (const ScenarioError& e) {
                from.fail(e.message());
            }
        } else {
            bridge.from = requireHost(v.get("from"));
        }
        // Ids are per host: each host's programs number their own connections.
        std::map<std::string, std::set<std::uint32_t>> usedOn;
        std::map<std::string, std::set<std::uint32_t>> openOn;
        for (const auto& item : v.get("inputs").items("inputs")) {
            item.requireMap("an input ({at: time, [host: name,] id: n, open: host:port | listen: port | send: text | "
                            "send_base64: bytes | reading: pause | reading: resume | close: true | query: name [type: A|MX]})");
            item.allowOnly({"at", "host", "id", "open", "listen", "send", "send_base64", "reading", "close", "query", "type"});
            BridgeInputSpec input;
            input.where = item.where();
            input.at = item.get("at").asDuration();
            if (!bridge.inputs.empty() && input.at < bridge.inputs.back().at) {
                item.get("at").fail("inputs must be in time order; this one comes before the one above it");
            }
            if (auto h = item.find("host")) input.host = requireHost(*h);
            std::set<std::uint32_t>& used = usedOn[input.host.empty() ? bridge.from : input.host];
            std::set<std::uint32_t>& open = openOn[input.host.empty() ? bridge.from : input.host];
            input.id = static_cast<std::uint32_t>(item.get("id").asUnsigned(UINT32_MAX));
            const int actions = item.has("open") + item.has("listen") + item.has("send") + item.has("send_base64") +
                                item.has("reading") + item.has("close") + item.has("query");
            if (actions != 1) item.fail("an input does exactly one of open, listen, send, send_base64, reading, close or query");
            if (item.has("type") && !item.has("query")) item.get("type").fail("'type' belongs to a query input");
            const auto claim = [&] {
                if (!used.insert(input.id).second) {
                    item.get("id").fail("connection " + std::to_string(input.id) + " was opened before; each connection has its own id");
                }
                open.insert(input.id);
            };
            if (auto o = item.find("open")) {
                const std::string target = o->asString();
                const std::size_t colon = target.rfind(':');
                const auto port = colon == std::string::npos ? std::nullopt : parsePort(target.substr(colon + 1));
                if (!port) o->fail("expected host:port, such as hamburger.edu:25, found '" + target + "'");
                input.kind = BridgeInputSpec::Kind::Open;
                input.server = target.substr(0, colon);
                input.port = *port;
                if (!spec_.findHost(input.server)) o->fail("unknown host '" + input.server + "'");
                claim();
            } else if (auto q = item.find("query")) {
                if (!spec_.dns) q->fail("the scenario has no DNS server to ask (no 'dns' section)");
                input.kind = BridgeInputSpec::Kind::Query;
                input.queryName = q->asString();
                if (input.queryName.empty()) q->fail("expected a name to look up, such as hamburger.edu");
                if (auto t = item.find("type")) {
                    input.queryType = t->asString();
                    if (input.queryType != "A" && input.queryType != "MX") t->fail("expected A or MX, found '" + input.queryType + "'");
                }
                if (!used.insert(input.id).second) {
                    item.get("id").fail("id " + std::to_string(input.id) + " was used before; each query has its own id");
                }
            } else if (auto l = item.find("listen")) {
                const auto port = parsePort(l->asString());
                if (!port || *port == 0) l->fail("expected a port from 1 to 65535, found '" + l->asString() + "'");
                input.kind = BridgeInputSpec::Kind::Listen;
                input.port = *port;
                claim();
            } else {
                if (!open.contains(input.id)) item.get("id").fail("connection " + std::to_string(input.id) + " is not open");
                if (auto t = item.find("send")) {
                    input.kind = BridgeInputSpec::Kind::Send;
                    input.bytes = t->asString();
                } else if (auto b = item.find("send_base64")) {
                    input.kind = BridgeInputSpec::Kind::Send;
                    auto bytes = proto::base64Decode(b->asString());
                    if (!bytes) b->fail("expected base64 (RFC 4648, with padding)");
                    input.bytes = std::move(*bytes);
                } else if (auto r = item.find("reading")) {
                    const std::string reading = r->asString();
                    if (reading != "pause" && reading != "resume") r->fail("expected 'pause' or 'resume', found '" + reading + "'");
                    input.kind = reading == "pause" ? BridgeInputSpec::Kind::PauseReading : BridgeInputSpec::Kind::ResumeReading;
                } else {
                    const auto c = item.get("close");
                    if (!c.asBool()) c.fail("expected 'close: true'");
                    input.kind = BridgeInputSpec::Kind::Close;
                    open.erase(input.id);
                }
                v.declareContent(input.bytes.size());
            }
            bridge.inputs.push_back(std::move(input));
        }
        if (auto e = v.find("end")) {
            bridge.end = e->asDuration();
            if (!bridge.inputs.empty() && *bridge.end < bridge.inputs.back().at) {
                e->fail("the session cannot end before its last input");
            }
        }
        spec_.bridge = std::move(bridge);
    }

    static std::optional<std::uint16_t> parsePort(std::string_view text) {
        if (text.empty() || text.size() > 5) return std::nullopt;
        std::uint32_t value = 0;
        for (const char c : text) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<std::uint32_t>(c - '0');
        }
        if (value == 0 || value > 65535) return std::nullopt;
        return static_cast<std::uint16_t>(value);
    }

    const std::string& file_;
    YamlDocument document_;
    ScenarioSpec spec_;
    std::map<std::pair<std::string, std::string>, int> linkEnds_;  // (lesser, greater) end name -> line
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
    const YAML::Node root = parseYamlText(text, fileName);
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
