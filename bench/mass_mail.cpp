#include "bench/mass_mail.hpp"

#include <string>
#include <utility>

namespace netstage::bench {

using namespace netstage::scenario;

ScenarioSpec massMail(std::size_t messages, std::size_t agents, Time spacing) {
    ScenarioSpec spec;
    spec.file = "bench";
    spec.title = "mass mail";
    spec.stopAt = Time::fromSeconds(3600);
    HostSpec server;
    server.name = "mail.example";
    server.role = HostRole::MailServer;
    server.address = Ipv4Address{10, 0, 0, 10};
    spec.hosts.push_back(server);
    spec.routers.push_back(RouterSpec{"router", {}, {}});
    LinkSpec serverLink;
    serverLink.a = "mail.example";
    serverLink.b = "router";
    serverLink.bitsPerSecond = 1'000'000'000;
    serverLink.delay = Time::fromMilliseconds(1);
    serverLink.queue = 100'000;
    spec.links.push_back(serverLink);
    MailServerSpec mail;
    mail.host = "mail.example";
    mail.domain = "example";
    for (int u = 0; u < 1000; ++u) mail.users.push_back(MailUserSpec{"user" + std::to_string(u), "pw", {}, {}, {}});
    spec.mailServers.push_back(mail);
    for (std::size_t a = 0; a < agents; ++a) {
        HostSpec pc;
        pc.name = "pc" + std::to_string(a);
        pc.address = Ipv4Address{10, static_cast<std::uint8_t>(1 + a / 200), static_cast<std::uint8_t>(a % 200), 2};
        spec.hosts.push_back(pc);
        LinkSpec link;
        link.a = pc.name;
        link.b = "router";
        link.bitsPerSecond = 100'000'000;
        link.delay = Time::fromMilliseconds(5);
        link.queue = 100'000;
        spec.links.push_back(link);
        UserAgentSpec ua;
        ua.name = pc.name;
        ua.host = pc.name;
        ua.address = "sender" + std::to_string(a) + "@example";
        ua.user = "sender";
        ua.server = "mail.example";
        for (std::size_t m = a; m < messages; m += agents) {
            UserAgentActionSpec send;
            send.kind = UserAgentActionSpec::Kind::Send;
            send.at = spacing * static_cast<std::int64_t>(m);
            send.send.to = {"user" + std::to_string(m % 1000) + "@example"};
            send.send.subject = "message " + std::to_string(m);
            send.send.body = "Hello.\n";
            ua.actions.push_back(send);
        }
        spec.userAgents.push_back(ua);
    }
    return spec;
}

ScenarioSpec massMailServers(std::size_t messages, std::size_t servers, Time spacing) {
    ScenarioSpec spec;
    spec.file = "bench";
    spec.title = "mail at scale";
    spec.stopAt = Time::fromSeconds(36'000);
    spec.routers.push_back(RouterSpec{"router", {}, {}});
    const auto octets = [](std::size_t i, std::uint8_t base) {
        return std::pair{static_cast<std::uint8_t>(base + i / 200), static_cast<std::uint8_t>(i % 200)};
    };
    for (std::size_t s = 0; s < servers; ++s) {
        const std::string domain = "s" + std::to_string(s) + ".example";
        HostSpec server;
        server.name = "mail" + std::to_string(s) + ".example";
        server.role = HostRole::MailServer;
        const auto [serverHigh, serverLow] = octets(s, 100);
        server.address = Ipv4Address{10, serverHigh, serverLow, 10};
        spec.hosts.push_back(server);
        LinkSpec serverLink;
        serverLink.a = server.name;
        serverLink.b = "router";
        serverLink.bitsPerSecond = 1'000'000'000;
        serverLink.delay = Time::fromMilliseconds(1);
        serverLink.queue = 10'000;
        spec.links.push_back(serverLink);
        MailServerSpec mail;
        mail.host = server.name;
        mail.domain = domain;
        for (int u = 0; u < 10; ++u) mail.users.push_back(MailUserSpec{"user" + std::to_string(u), "pw", {}, {}, {}});
        spec.mailServers.push_back(mail);

        HostSpec pc;
        pc.name = "pc" + std::to_string(s);
        const auto [pcHigh, pcLow] = octets(s, 1);
        pc.address = Ipv4Address{10, pcHigh, pcLow, 2};
        spec.hosts.push_back(pc);
        LinkSpec link;
        link.a = pc.name;
        link.b = "router";
        link.bitsPerSecond = 100'000'000;
        link.delay = Time::fromMilliseconds(5);
        link.queue = 10'000;
        spec.links.push_back(link);
        UserAgentSpec ua;
        ua.name = pc.name;
        ua.host = pc.name;
        ua.address = "sender@" + domain;
        ua.user = "sender";
        ua.server = server.name;
        for (std::size_t m = s, k = 0; m < messages; m += servers, ++k) {
            UserAgentActionSpec send;
            send.kind = UserAgentActionSpec::Kind::Send;
            send.at = spacing * static_cast<std::int64_t>(k);
            send.send.to = {"user" + std::to_string(k % 10) + "@" + domain};
            send.send.subject = "message " + std::to_string(m);
            send.send.body = "Hello.\n";
            ua.actions.push_back(send);
        }
        spec.userAgents.push_back(ua);
    }
    return spec;
}

}  // namespace netstage::bench
