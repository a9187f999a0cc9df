// Which ports `netstage serve` serves, and what it says when asked for something it cannot serve.
#include <gtest/gtest.h>

#include "live/serve_plan.hpp"
#include "live/socket.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage;

namespace {

scenario::ScenarioSpec load(const std::string& name) {
    return scenario::loadScenarioFile(test_support::scenarioPath(name));
}

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const live::ServeError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST(PortRequest, readsHostPortAndLocalPort) {
    const live::PortRequest request = live::parsePortRequest("hamburger.edu:25=2525");
    EXPECT_EQ(request.host, "hamburger.edu");
    EXPECT_EQ(request.port, 25);
    EXPECT_EQ(request.localPort, 2525);
    EXPECT_EQ(live::parsePortRequest("ftp.example.org:21=0").localPort, 0);
}

TEST(PortRequest, saysWhatIsWrong) {
    EXPECT_NE(errorOf([] { live::parsePortRequest("hamburger.edu:25"); }).find("expected HOST:PORT=LOCALPORT"), std::string::npos);
    EXPECT_NE(errorOf([] { live::parsePortRequest("hamburger.edu=2525"); }).find("expected HOST:PORT=LOCALPORT"), std::string::npos);
    EXPECT_NE(errorOf([] { live::parsePortRequest("hamburger.edu:x=2525"); }).find("server's port"), std::string::npos);
    EXPECT_NE(errorOf([] { live::parsePortRequest("hamburger.edu:0=2525"); }).find("server's port"), std::string::npos);
    EXPECT_NE(errorOf([] { live::parsePortRequest("hamburger.edu:25=70000"); }).find("local port"), std::string::npos);
}

TEST(PortPlan, servesEveryServerOnItsOwnDefaultPort) {
    const auto ports = live::planPorts(load("01-smtp-alice-to-bob"), {});
    ASSERT_EQ(ports.size(), 8u);
    EXPECT_EQ(ports[0].host, "crepes.fr");
    EXPECT_EQ(ports[0].protocol, "SMTP");
    EXPECT_EQ(ports[0].localPort, 2525);
    EXPECT_EQ(ports[1].protocol, "Submission");
    EXPECT_EQ(ports[1].port, 587);
    EXPECT_EQ(ports[1].localPort, 2587);
    EXPECT_EQ(ports[2].localPort, 1110);
    EXPECT_EQ(ports[3].localPort, 1143);
    EXPECT_EQ(ports[4].host, "hamburger.edu");
    EXPECT_EQ(ports[4].localPort, 2526);
    EXPECT_EQ(ports[4].address.toString(), "10.0.2.10");
    EXPECT_EQ(ports[5].localPort, 2588);
    EXPECT_EQ(ports[6].localPort, 1111);
    EXPECT_EQ(ports[7].localPort, 1144);
}

TEST(PortPlan, servesOnlyWhatIsMapped) {
    const auto ports = live::planPorts(load("01-smtp-alice-to-bob"), {live::parsePortRequest("hamburger.edu:25=2525")});
    ASSERT_EQ(ports.size(), 1u);
    EXPECT_EQ(ports[0].host, "hamburger.edu");
    EXPECT_EQ(ports[0].localPort, 2525);
}

TEST(PortPlan, refusesWhatTheScenarioDoesNotServe) {
    const auto spec = load("01-smtp-alice-to-bob");
    const std::string unknown = errorOf([&] { live::planPorts(spec, {{"nowhere.org", 25, 2525}}); });
    EXPECT_NE(unknown.find("--port nowhere.org:25: the scenario has no server there; it serves crepes.fr:25"), std::string::npos)
        << unknown;
    EXPECT_NE(errorOf([&] { live::planPorts(spec, {{"hamburger.edu", 21, 2121}}); }).find("no server there"), std::string::npos);
    EXPECT_NE(errorOf([&] { live::planPorts(spec, {{"hamburger.edu", 25, 2525}, {"hamburger.edu", 25, 2526}}); }).find("given twice"),
              std::string::npos);
    EXPECT_NE(errorOf([&] { live::planPorts(spec, {{"hamburger.edu", 25, 2525}, {"crepes.fr", 25, 2525}}); })
                  .find("local port 2525 is already given"),
              std::string::npos);
}

TEST(PortPlan, theTableNamesEachServerAndHowToTryIt) {
    const auto ports = live::planPorts(load("01-smtp-alice-to-bob"), {live::parsePortRequest("hamburger.edu:25=2525")});
    EXPECT_EQ(live::startupTable(ports, "127.0.0.1"),
              "  server              simulated address  local port  try\n"
              "  hamburger.edu SMTP  10.0.2.10:25       2525        telnet 127.0.0.1 2525\n");
}

TEST(PortListen, aPortInUseIsReportedInPlainWords) {
    const live::Socket first = live::listenOn("127.0.0.1", 0);
    const std::uint16_t taken = live::localPort(first);
    const std::string error = errorOf([&] { (void)live::listenOn("127.0.0.1", taken); });
    EXPECT_NE(error.find("127.0.0.1:" + std::to_string(taken) + " is in use by another program"), std::string::npos) << error;
    EXPECT_NE(errorOf([] { (void)live::listenOn("localhost", 0); }).find("not an IPv4 address"), std::string::npos);
}

TEST(PortPlan, servesAWebmailFrom8080) {
    const auto ports = live::planPorts(load("09b-webmail-pull-vs-push"), {});
    // Per server: SMTP, submission, POP3, IMAP, then the webmail.
    ASSERT_EQ(ports.size(), 10u);
    EXPECT_EQ(ports[4].host, "crepes.fr");
    EXPECT_EQ(ports[4].protocol, "HTTP");
    EXPECT_EQ(ports[4].port, 80);
    EXPECT_EQ(ports[4].localPort, 8080);
    EXPECT_EQ(ports[9].host, "hamburger.edu");
    EXPECT_EQ(ports[9].localPort, 8081);
    EXPECT_NE(live::startupTable(ports, "127.0.0.1").find("a browser at http://127.0.0.1:8081/"), std::string::npos);
}
