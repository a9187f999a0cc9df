// nslookup NAME [TYPE] and dig NAME [A|MX]: one real query over UDP from
// the host to the scenario's DNS server, printed as those tools print it
// (shortened to what the lecture needs).
#include <cstdio>

#include "programs/terminal_command.hpp"
#include "programs/terminal_words.hpp"
#include "simulator/apps/dns/dns_text.hpp"

namespace netstage::programs {

namespace {

std::string absolute(const std::string& name) { return name.empty() || name.back() == '.' ? name : name + "."; }

std::string recordData(const dns::ResourceRecord& record) {
    if (const auto* a = std::get_if<dns::A>(&record.data)) return apps::addressText(a->address);
    if (const auto* mx = std::get_if<dns::Mx>(&record.data)) {
        return std::to_string(mx->preference) + " " + absolute(mx->exchange);
    }
    return "(" + dns::toString(record.type) + " data)";
}

std::string digLine(const dns::ResourceRecord& record) {
    return absolute(record.name) + "\t\t" + std::to_string(record.ttl) + "\tIN\t" + dns::toString(record.type) + "\t" +
           recordData(record) + "\n";
}

class LookupCommand final : public Terminal::Command {
public:
    LookupCommand(Terminal& terminal, std::string name, dns::RecordType type, bool dig)
        : Command{terminal}, name_{std::move(name)}, type_{type}, dig_{dig}, started_{now()} {
        host().resolve(name_, type_, [this](const Lookup& lookup) { answered(lookup); });
    }

    Terminal::Mode mode() const override { return Terminal::Mode::Shell; }
    std::string prompt() const override { return {}; }
    bool acceptsLine() const override { return false; }
    void line(std::string_view) override {}
    void stop() override { finish(); }

private:
    void answered(const Lookup& lookup) {
        if (done()) return;
        print(dig_ ? digText(lookup) : nslookupText(lookup));
        finish();
        settle();
    }

    std::string nslookupText(const Lookup& lookup) const {
        const std::string server = lookup.server->address.toString();
        std::string out = "Server:\t\t" + server + "\nAddress:\t" + server + "#" + std::to_string(lookup.server->port) + "\n\n";
        if (lookup.status == Lookup::Status::NoSuchName) return out + "** server can't find " + name_ + ": NXDOMAIN\n";
        if (lookup.status == Lookup::Status::Failed) {
            if (lookup.reason == "timeout") return out + ";; connection timed out; no servers could be reached\n";
            return out + "** server can't find " + name_ + ": " + lookup.reason + "\n";
        }
        bool any = false;
        for (const auto& record : lookup.records) {
            if (const auto* a = std::get_if<dns::A>(&record.data)) {
                out += "Name:\t" + record.name + "\nAddress: " + apps::addressText(a->address) + "\n";
                any = true;
            } else if (const auto* mx = std::get_if<dns::Mx>(&record.data)) {
                out += record.name + "\tmail exchanger = " + std::to_string(mx->preference) + " " + absolute(mx->exchange) + "\n";
                any = true;
            }
        }
        if (!any) out += "*** Can't find " + name_ + ": No answer\n";
        return out;
    }

    std::string digText(const Lookup& lookup) const {
        const std::string type = dns::toString(type_);
        std::string out = "; <<>> DiG <<>> " + name_ + " " + type + "\n";
        if (lookup.status == Lookup::Status::Failed && lookup.reason == "timeout") {
            return out + ";; connection timed out; no servers could be reached\n";
        }
        std::string status = "NOERROR";
        if (lookup.status == Lookup::Status::NoSuchName) status = "NXDOMAIN";
        if (lookup.status == Lookup::Status::Failed) status = uppercase(lookup.reason);
        out += ";; ->>HEADER<<- opcode: QUERY, status: " + status + "\n\n";
        out += ";; QUESTION SECTION:\n;" + absolute(name_) + "\t\t\tIN\t" + type + "\n";
        if (!lookup.records.empty()) {
            out += "\n;; ANSWER SECTION:\n";
            for (const auto& record : lookup.records) out += digLine(record);
        }
        bool additional = false;
        for (const auto& record : lookup.additionals) {
            if (std::holds_alternative<dns::Opt>(record.data)) continue;
            if (!additional) out += "\n;; ADDITIONAL SECTION:\n";
            additional = true;
            out += digLine(record);
        }
        const Time elapsed = now() - started_;
        out += "\n;; Query time: " + std::to_string(elapsed.nanoseconds() / 1'000'000) + " msec (simulated)\n";
        out += ";; SERVER: " + lookup.server->address.toString() + "#" + std::to_string(lookup.server->port) + "(" +
               lookup.server->address.toString() + ") (UDP)\n";
        return out;
    }

    std::string name_;
    dns::RecordType type_;
    bool dig_;
    Time started_;
};

std::optional<dns::RecordType> recordType(std::string_view text) {
    const std::string upper = uppercase(text);
    if (upper == "A") return dns::RecordType::A;
    if (upper == "MX") return dns::RecordType::MX;
    return std::nullopt;
}

bool looksLikeType(std::string_view text) {
    static const char* const known[] = {"A", "MX", "AAAA", "NS", "TXT", "SOA", "CNAME", "PTR", "ANY", "SRV"};
    const std::string upper = uppercase(text);
    for (const char* type : known) {
        if (upper == type) return true;
    }
    return false;
}

}  // namespace

std::unique_ptr<Terminal::Command> startLookup(Terminal& terminal, const std::vector<std::string>& args, bool dig) {
    const std::string tool = dig ? "dig" : "nslookup";
    const std::string usage = dig ? "usage: dig NAME [A|MX]   (for example: dig hamburger.edu MX)\n"
                                  : "usage: nslookup NAME [A|MX]   (for example: nslookup hamburger.edu)\n";
    std::optional<std::string> name;
    std::string typeText = "A";
    for (const auto& arg : args) {
        std::string word = arg;
        if (word.starts_with("-type=") || word.starts_with("-query=") || word.starts_with("-q=")) {
            typeText = word.substr(word.find('=') + 1);
        } else if (word.starts_with("-t") && word.size() > 2) {
            typeText = word.substr(2);
        } else if (word.starts_with("-") || word.starts_with("+") || word.starts_with("@")) {
            Terminal::Command::say(terminal, tool + ": option " + shortened(word) + " is not supported here\n" + usage);
            return nullptr;
        } else if (looksLikeType(word) && (name || dig)) {
            typeText = word;
        } else if (!name) {
            name = word;
        } else {
            Terminal::Command::say(terminal, usage);
            return nullptr;
        }
    }
    if (!name) {
        Terminal::Command::say(terminal, usage);
        return nullptr;
    }
    const auto type = recordType(typeText);
    if (!type) {
        Terminal::Command::say(terminal, tool + ": type " + shortened(typeText) + " is not supported here (A or MX)\n");
        return nullptr;
    }
    if (!terminal.host().dnsServer()) {
        Terminal::Command::say(terminal, tool + ": this scenario has no DNS server to ask (its hosts are known by name)\n");
        return nullptr;
    }
    return std::make_unique<LookupCommand>(terminal, *name, *type, dig);
}

}  // namespace netstage::programs
