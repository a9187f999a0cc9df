// Webmail in the world: scenario 09b end to end as tshark reads it, the
// scenario keys' refusals, and a browser that asks for what is not its user's.
#include <gtest/gtest.h>

#include <filesystem>

#include "simulator/trace/msc_model.hpp"

#include "tests/scenario/scenario_error_text.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tshark.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

// Alice and Bob on one server with webmail; `alice` and `bob` are their browsers' actions.
std::string twoUsers(const std::string& alice, const std::string& bob, const std::string& webmail = "webmail: {port: 80}, ") {
    return "title: t\n"
           "stop_at: 20s\n"
           "hosts:\n"
           "  - {name: alice-pc, role: pc, address: 10.0.0.1}\n"
           "  - {name: bob-pc, role: pc, address: 10.0.0.3}\n"
           "  - {name: mx, role: mail-server, address: 10.0.0.2}\n"
           "routers: [{name: r}]\n"
           "links:\n"
           "  - {between: [alice-pc, r], delay: 1ms}\n"
           "  - {between: [bob-pc, r], delay: 1ms}\n"
           "  - {between: [r, mx], delay: 1ms}\n"
           "mail_servers:\n"
           "  - {host: mx, domain: example.org, " + webmail + "users: [\n"
           "      {name: alice, password: a, messages: [{from: x@y.z, to: alice@example.org, subject: For Alice, body: alice only}]},\n"
           "      {name: bob, password: b, messages: [{from: x@y.z, to: bob@example.org, subject: One, body: one},\n"
           "                                          {from: x@y.z, to: bob@example.org, subject: Bobs second, body: bob only}]}]}\n"
           "user_agents:\n"
           "  - {host: alice-pc, address: alice@example.org, password: a, server: mx, actions: [" + alice + "]}\n"
           "  - {host: bob-pc, address: bob@example.org, password: b, server: mx, actions: [" + bob + "]}\n";
}

std::string errorFor(const std::string& text) { return scenarioErrorFor(text, "w.yaml"); }

}  // namespace

TEST(WebmailScenario, tsharkReadsEveryRequestMethodAndStatusOfScenario09bWithoutComplaint) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("09b-webmail-pull-vs-push"));
    scenario::RunOptions options;
    options.pcapPath = programTempDir().file("09b.pcap").string();
    scenario::runScenario(spec, options);

    const auto malformed = runTshark(*options.pcapPath, {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                                                         "-Y", "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status==0 || ip.checksum.status==0 || (tcp.analysis.flags && !tcp.analysis.window_update)",
                                                         "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"});
    ASSERT_EQ(malformed.exitCode, 0) << malformed.errors;
    EXPECT_EQ(malformed.output, "");

    // Bob's browser, as tshark reads it on port 80: each request and the status that answered it.
    const auto bob = runTshark(*options.pcapPath, {"-Y", "(http.request && ip.src==10.0.2.2) || (http.response && ip.dst==10.0.2.2)",
                                                   "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri", "-e",
                                                   "http.response.code"});
    ASSERT_EQ(bob.exitCode, 0) << bob.errors;
    EXPECT_EQ(outputLines(bob), (std::vector<std::string>{
                                    "GET\t/\t", "\t\t200", "POST\t/login\t", "\t\t303", "GET\t/inbox\t", "\t\t200",
                                    "GET\t/style.css\t", "\t\t200", "GET\t/logo.png\t", "\t\t200", "GET\t/message/1\t", "\t\t200",
                                    "POST\t/logout\t", "\t\t303", "GET\t/\t", "\t\t200"}));
    // Alice's message went up in a POST and across in one SMTP DATA.
    const auto smtp = runTshark(*options.pcapPath, {"-Y", "smtp.req.command == \"DATA\"", "-T", "fields", "-e", "ip.src"});
    ASSERT_EQ(smtp.exitCode, 0) << smtp.errors;
    EXPECT_EQ(outputLines(smtp), (std::vector<std::string>{"10.0.1.10"}));
}

TEST(WebmailScenario, aBrowserSeesOnlyItsOwnUsersMailWhateverNumberItAsksFor) {
    const auto spec = scenario::loadScenarioText(
        twoUsers("{at: 1s, webmail: {login: alice}}, {at: 2s, webmail: {read: 2}}, {at: 3s, webmail: {read: 1}}",
                 "{at: 1s, webmail: {login: alice, password: b}}, {at: 2s, webmail: {open: inbox}}"),
        "w.yaml");
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(spec, options);
    std::string alice;
    std::string bob;
    for (const auto& record : run.log.records) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || event->layer != "mail" || (event->type != "webmail-done" && event->type != "webmail-failed")) continue;
        std::string line = event->type;
        for (const auto& [name, value] : event->fields) {
            if (const auto* s = std::get_if<std::string>(&value)) line += " " + name + "=" + *s;
        }
        (event->node == "alice-pc" ? alice : bob) += line + "\n";
    }
    EXPECT_EQ(alice, "webmail-done action=login outcome=200 OK for /inbox\n"
                     "webmail-failed action=read 2 outcome=404 Not Found for /message/2\n"
                     "webmail-done action=read 1 outcome=200 OK for /message/1\n");
    // Bob's browser signing in as alice with Bob's password gets nothing, and no session to open her inbox with.
    EXPECT_EQ(bob, "webmail-failed action=login outcome=403 Forbidden for /login\n"
                   "webmail-failed action=inbox outcome=200 OK for / (the login form: not signed in)\n");
}

TEST(WebmailScenario, theWebmailKeysAreCheckedWithTheLineAndColumn) {
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {login: alice}}", "{at: 1s, webmail: {open: inbox}}", "")),
              "w.yaml:18:103: 'mx' runs no webmail: give its mail server 'webmail: {port: 80}' (line 13)");
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {open: outbox}}", "{at: 1s, webmail: {open: inbox}}")),
              "w.yaml:18:110: expected 'inbox' (the page to open), found 'outbox'");
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {read: 0}}", "{at: 1s, webmail: {open: inbox}}")),
              "w.yaml:18:110: messages are numbered from 1, as on the inbox page");
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {read: 1, open: inbox}}", "{at: 1s, webmail: {open: inbox}}")),
              "w.yaml:18:103: expected exactly one of 'login', 'open', 'read', 'send' or 'logout'");
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {read: 1}}", "{at: 1s, webmail: {open: inbox}}", "webmail: {port: 25}, ")),
              "w.yaml:13:53: port 25 is the mail server's own (SMTP 25, POP3 110, IMAP 143, submission 587); webmail is usually on 80");
    EXPECT_EQ(errorFor(twoUsers("{at: 1s, webmail: {send: {to: nobody, body: x}}}", "{at: 1s, webmail: {open: inbox}}")),
              "w.yaml:18:115: expected an e-mail address such as alice@crepes.fr (US-ASCII, no spaces, angle brackets or commas), "
              "found 'nobody'");
}

// The chart draws an HTTP message as one arrow with its start line, between a
// browser and a web server; header fields and bodies stay in the transcript.
TEST(WebmailScenario, theChartHasOneArrowPerHttpMessage) {
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(
        scenario::loadScenarioText(twoUsers("{at: 1s, webmail: {read: 1}}", "{at: 1s, webmail: {login: bob}}"), "w.yaml"),
        options);
    trace::MscOptions chartOptions;
    chartOptions.protocols = {"http"};
    chartOptions.lifelines = trace::MscLifelines::PerApplication;
    const trace::MscChart chart = trace::buildMsc(run.log, chartOptions);
    std::vector<std::string> bob;
    for (const auto& arrow : chart.arrows) {
        if (chart.lifelines[arrow.from].host == "bob-pc" || chart.lifelines[arrow.to].host == "bob-pc") bob.push_back(arrow.label);
    }
    EXPECT_EQ(bob, (std::vector<std::string>{"GET / HTTP/1.1", "HTTP/1.1 200 OK", "POST /login HTTP/1.1", "HTTP/1.1 303 See Other",
                                             "GET /inbox HTTP/1.1", "HTTP/1.1 200 OK", "GET /style.css HTTP/1.1", "HTTP/1.1 200 OK",
                                             "GET /logo.png HTTP/1.1", "HTTP/1.1 200 OK"}));
    bool browser = false;
    bool webServer = false;
    for (const auto& lifeline : chart.lifelines) {
        browser = browser || (lifeline.host == "bob-pc" && lifeline.application == "browser");
        webServer = webServer || (lifeline.host == "mx" && lifeline.application == "web server");
    }
    EXPECT_TRUE(browser);
    EXPECT_TRUE(webServer);
}
