#include "simulator/scenario/run_summary.hpp"

#include <sstream>

#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/mail/user_agent.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/scenario/world_ftp.hpp"

namespace netstage::scenario {

namespace {

void collectMail(World& world, RunSummary& s) {
    for (const auto& server : world.mailServers()) {
        const auto& counters = server->counters();
        s.delivered += counters.stored;
        s.relayed += counters.relayed;
        s.bounced += counters.bounced;
        s.duplicatesDropped += counters.duplicatesDropped;
        s.duplicatesStored += counters.duplicatesStored;
        s.queued += server->queue().size();
        const mail::MailStore& store = server->store();
        for (const auto& user : store.users()) {
            MailboxCount box{server->host().node().name(), user + "@" + server->config().domain, 0, {}};
            std::vector<std::string> names = store.folderNames(user);
            // INBOX first, as every mail program shows it; the others stay in name order.
            std::stable_partition(names.begin(), names.end(), [](const std::string& n) { return n == "INBOX"; });
            for (const auto& name : names) {
                const mail::Folder* folder = store.folder(user, name);
                const std::size_t count = folder != nullptr ? folder->size() : 0;
                box.folders.push_back({name, count});
                box.messages += count;
            }
            if (user == "postmaster" && box.messages == 0) continue;
            s.mailboxes.push_back(std::move(box));
        }
    }
    for (const auto& [name, agent] : world.userAgents()) {
        if (!agent->localStore().empty()) s.downloads.push_back({name, agent->localStore()});
    }
    for (const auto& [name, agent] : world.userAgents()) {
        for (const auto& failure : agent->failures()) s.problems.push_back({name, failure.what + ": " + failure.reason});
    }
    for (const auto& server : world.mailServers()) {
        for (const auto& incident : server->incidents()) s.problems.push_back({server->host().node().name(), incident});
    }
}

void collectFtp(World& world, RunSummary& s) {
    for (const auto& client : world.ftp().clients()) {
        const apps::FtpClientAppConfig& config = client->config();
        const std::size_t steps = config.session.script.size();
        const std::size_t finished = client->results().size();
        s.ftpClients.push_back({config.label, steps, finished});
        if (finished < steps) {
            std::string what = std::to_string(steps - finished) + " of " + countOf(steps, "step") + " not run";
            const auto node = world.network().nodeByAddress(config.server.address);
            const std::string server = (node ? world.network().node(*node).name() + " (" : std::string{"("}) +
                                       config.server.address.toString() + ":" + std::to_string(config.server.port) + ")";
            if (!client->controlFailure().empty()) what += ": the control connection to " + server + " failed: " + client->controlFailure();
            s.problems.push_back({config.label, what});
        }
        for (const auto& result : client->results()) {
            using Kind = ftp::ClientStep::Kind;
            if (result.kind != Kind::Ls && result.kind != Kind::Get && result.kind != Kind::Put) continue;
            s.transfers.push_back({config.label, config.session.passive, std::string{ftp::toString(result.kind)},
                                   result.argument, result.bytes, result.ok, result.code});
        }
    }
}

}  // namespace

std::string countOf(std::uint64_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : (plural.empty() ? singular + "s" : plural));
}

void collectSummary(World& world, RunSummary& s) {
    s.hasMail = !world.mailServers().empty() || !world.userAgents().empty();
    collectMail(world, s);
    s.hasFtp = !world.ftp().clients().empty() || !world.ftp().servers().empty();
    collectFtp(world, s);
    const tcp::TcpStats tcp = world.tcpTotals();
    s.retransmissions = tcp.retransmissions;
    s.timeouts = tcp.timeouts;
}

std::string formatSummary(const std::string& title, const RunSummary& s) {
    std::ostringstream out;
    out << title << '\n';
    out << "seed " << s.seed << ", ended at " << s.end.toMillisecondsString() << ", " << countOf(s.events, "event") << '\n';
    if (s.hasMail) {
        out << "mail: " << countOf(s.delivered, "message") << " delivered, " << s.relayed << " relayed, " << s.queued
            << " still queued, " << s.bounced << " bounced";
        if (s.duplicatesDropped > 0) out << ", " << countOf(s.duplicatesDropped, "duplicate") << " not stored";
        if (s.duplicatesStored > 0) out << ", " << countOf(s.duplicatesStored, "duplicate") << " stored";
        out << '\n';
        for (const auto& m : s.mailboxes) {
            out << "  mailbox " << m.mailbox << " on " << m.server << ": " << countOf(m.messages, "message");
            if (m.folders.size() > 1) {
                out << " (";
                for (std::size_t i = 0; i < m.folders.size(); ++i) {
                    out << (i == 0 ? "" : ", ") << m.folders[i].folder << " " << m.folders[i].messages;
                }
                out << ')';
            }
            out << '\n';
        }
        for (const auto& d : s.downloads) out << "  " << d.agent << " downloaded " << countOf(d.messages.size(), "message") << '\n';
    }
    if (s.hasFtp) {
        std::uint64_t bytes = 0;
        for (const auto& t : s.transfers) bytes += t.ok ? t.bytes : 0;
        std::size_t ok = 0;
        for (const auto& t : s.transfers) ok += t.ok ? 1 : 0;
        out << "ftp: " << countOf(s.transfers.size(), "transfer") << ", " << ok << " ok, " << countOf(bytes, "byte")
            << " transferred\n";
        for (const auto& t : s.transfers) {
            out << "  " << t.client << " (" << (t.passive ? "passive" : "active") << "): " << t.step;
            if (!t.argument.empty()) out << ' ' << t.argument;
            out << ": ";
            if (t.ok) out << countOf(t.bytes, "byte") << ", ok (" << t.code << ")\n";
            else if (t.code == 0) out << "failed (no data connection)\n";
            else out << "failed (" << t.code << ")\n";
        }
    }
    std::uint64_t lost = 0;
    for (const auto& [reason, count] : s.packetsLost) lost += count;
    out << "tcp: " << countOf(s.retransmissions, "retransmission") << " (" << countOf(s.timeouts, "timeout") << "), "
        << countOf(lost, "packet") << " lost";
    if (lost > 0) {
        out << " (";
        bool first = true;
        for (const auto& [reason, count] : s.packetsLost) {
            out << (first ? "" : ", ") << reason << ' ' << count;
            first = false;
        }
        out << ')';
    }
    out << '\n';
    if (!s.problems.empty()) {
        out << "problems:\n";
        for (const auto& p : s.problems) out << "  " << p.who << ": " << p.what << '\n';
    }
    out << "fingerprint: " << s.fingerprint << '\n';
    return out.str();
}

}  // namespace netstage::scenario
