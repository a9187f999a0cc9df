#include "bench/mass_mail.hpp"

#include <string>

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

}  // namespace netstage::bench
