// nslookup and dig: real queries over UDP from the host to the scenario's
// DNS server, printed in those tools' style; NXDOMAIN as the resolver says it.
#include <gtest/gtest.h>

#include "tests/programs/lab.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

std::size_t dnsQueriesFrom(const test_support::Lab& lab, const std::string& host) {
    std::size_t count = 0;
    for (const auto& record : lab.recorder().records()) {
        if (const auto* event = std::get_if<trace::Event>(&record);
            event != nullptr && event->layer == "bridge" && event->type == "query" && event->node == host) {
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST(Lookup, nslookupPrintsTheServerAndTheAddress) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "nslookup hamburger.edu");
    EXPECT_EQ(lab.screen("alice-pc"),
              "alice-pc$ nslookup hamburger.edu\n"
              "Server:\t\t10.0.3.53\n"
              "Address:\t10.0.3.53#53\n"
              "\n"
              "Name:\thamburger.edu\n"
              "Address: 10.0.2.10\n"
              "alice-pc$ ");
    EXPECT_EQ(dnsQueriesFrom(lab, "alice-pc"), 1u);
}

TEST(Lookup, nslookupOfAnMxRecordNamesTheMailExchanger) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "nslookup -type=mx hamburger.edu");
    EXPECT_NE(lab.screen("alice-pc").find("\nhamburger.edu\tmail exchanger = 10 hamburger.edu.\nalice-pc$ "), std::string::npos)
        << lab.screen("alice-pc");
}

TEST(Lookup, digShowsTheQuestionTheAnswerAndTheServer) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "dig hamburger.edu MX");
    const std::string& screen = lab.screen("alice-pc");
    EXPECT_NE(screen.find("; <<>> DiG <<>> hamburger.edu MX\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR\n"), std::string::npos)
        << screen;
    EXPECT_NE(screen.find(";; QUESTION SECTION:\n;hamburger.edu.\t\t\tIN\tMX\n"), std::string::npos) << screen;
    EXPECT_NE(screen.find(";; ANSWER SECTION:\nhamburger.edu.\t\t"), std::string::npos) << screen;
    EXPECT_NE(screen.find("\tIN\tMX\t10 hamburger.edu.\n"), std::string::npos) << screen;
    EXPECT_NE(screen.find(";; SERVER: 10.0.3.53#53(10.0.3.53) (UDP)\n"), std::string::npos) << screen;
    // The query crossed the network: its time is two trips over the links to the DNS server.
    EXPECT_EQ(screen.find(";; Query time: 0 msec"), std::string::npos) << screen;
}

TEST(Lookup, anUnknownNameIsNxdomainAsTheResolverSaysIt) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "nslookup nowhere.example");
    EXPECT_NE(lab.screen("alice-pc").find("** server can't find nowhere.example: NXDOMAIN\n"), std::string::npos)
        << lab.screen("alice-pc");
    lab.type("alice-pc", "dig nowhere.example");
    EXPECT_NE(lab.screen("alice-pc").find("status: NXDOMAIN"), std::string::npos) << lab.screen("alice-pc");
}

TEST(Lookup, aScenarioWithoutDnsSaysSoAndUnsupportedTypesAreRefused) {
    test_support::Lab lab{"05-ftp-session", "student-pc"};
    lab.type("student-pc", "nslookup ftp.school.edu");
    EXPECT_NE(lab.screen("student-pc").find("nslookup: this scenario has no DNS server to ask"), std::string::npos)
        << lab.screen("student-pc");
    test_support::Lab withDns{"01-smtp-alice-to-bob", "alice-pc"};
    withDns.type("alice-pc", "dig hamburger.edu TXT");
    EXPECT_NE(withDns.screen("alice-pc").find("dig: type TXT is not supported here (A or MX)"), std::string::npos)
        << withDns.screen("alice-pc");
    withDns.type("alice-pc", "nslookup");
    EXPECT_NE(withDns.screen("alice-pc").find("usage: nslookup NAME [A|MX]"), std::string::npos);
    EXPECT_EQ(dnsQueriesFrom(withDns, "alice-pc"), 0u);
}
