// The IMAP scenarios run end to end: state that outlives a session (04) and
// new mail pushed during IDLE (09), judged from the trace and by tshark.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "simulator/scenario/imap_actions.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/tshark.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

std::filesystem::path tempFile(const std::string& name) {
    return test_support::programTempDir().file(name);
}

std::string text(const trace::Event& event, const std::string& key) {
    for (const auto& [name, value] : event.fields) {
        if (name == key) {
            if (const auto* s = std::get_if<std::string>(&value)) return *s;
            return std::to_string(std::get<std::int64_t>(value));
        }
    }
    return {};
}

// The first application event matching, or nothing.
std::optional<trace::Event> firstEvent(const trace::TraceLog& log, const std::string& node, const std::string& layer,
                                       const std::string& type, const std::string& lineText = {}) {
    for (const auto& record : log.records) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (!event || event->node != node || event->layer != layer || event->type != type) continue;
        if (!lineText.empty() && text(*event, "text") != lineText) continue;
        return *event;
    }
    return std::nullopt;
}

// The lines of a transcript block from the one starting with `from` up to (not including) `to`.
std::vector<std::string> between(const trace::TranscriptBlock& block, const std::string& from, const std::string& to) {
    const auto begin = std::find(block.lines.begin(), block.lines.end(), from);
    const auto end = std::find(begin, block.lines.end(), to);
    return {begin, end};
}

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool anyStartsWith(const std::vector<std::string>& lines, const std::string& prefix, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.rfind(prefix, 0) == 0 && line.find(part) != std::string::npos;
    });
}

TEST(ImapScenario, thePhoneSeesTheFolderAndTheSeenFlagTheLaptopLeft) {
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("04-imap-folders")), {});
    const auto* laptop = findBlock(run.transcript, "IMAP", "bob-laptop", "hamburger.edu");
    const auto* phone = findBlock(run.transcript, "IMAP", "bob-phone", "hamburger.edu");
    ASSERT_NE(laptop, nullptr);
    ASSERT_NE(phone, nullptr);

    // Before the laptop's session there is no Recipes folder.
    const auto laptopList = between(*laptop, "C: A002 LIST \"\" *", "C: A003 CREATE Recipes");
    EXPECT_FALSE(anyStartsWith(laptopList, "S: * LIST", "Recipes"));
    EXPECT_TRUE(contains(laptop->lines, "S: * 2 EXPUNGE"));

    // The phone, a new session on another host, finds the folder...
    const auto phoneList = between(*phone, "C: A002 LIST \"\" *", "C: A003 SELECT INBOX");
    EXPECT_TRUE(anyStartsWith(phoneList, "S: * LIST", "Recipes"));
    // ...one message left in INBOX, not seen...
    const auto inbox = between(*phone, "C: A003 SELECT INBOX", "C: A005 SELECT Recipes");
    EXPECT_TRUE(contains(inbox, "S: * 1 EXISTS"));
    EXPECT_TRUE(anyStartsWith(inbox, "S: * 1 FETCH", "FLAGS ()"));
    // ...and the recipe in Recipes, already \Seen.
    const auto recipes = between(*phone, "C: A005 SELECT Recipes", "C: A007 LOGOUT");
    EXPECT_TRUE(contains(recipes, "S: * 1 EXISTS"));
    EXPECT_TRUE(anyStartsWith(recipes, "S: * 1 FETCH", "FLAGS (\\Seen)"));
    EXPECT_TRUE(contains(recipes, "S: Subject: Pancakes"));
    EXPECT_TRUE(contains(phone->lines, "S: A007 OK LOGOUT completed"));
}

TEST(ImapScenario, idlePushesExistsWithinOneRoundTripOfDelivery) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("09-imap-idle-push"));
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(spec, options);

    // The first stored event is the message waiting at the start; the second is Alice's.
    std::optional<trace::Event> stored;
    int storedSeen = 0;
    for (const auto& record : run.log.records) {
        const auto* e = std::get_if<trace::Event>(&record);
        if (e && e->node == "hamburger.edu" && e->layer == "mail" && e->type == "stored" && ++storedSeen == 2) stored = *e;
    }
    const auto pushed = firstEvent(run.log, "hamburger.edu", "imap", "line", "* 2 EXISTS");
    const auto noticed = firstEvent(run.log, "bob-pc", "mail", "imap-new-mail");
    ASSERT_TRUE(stored && pushed && noticed);
    EXPECT_EQ(text(*noticed, "exists"), "2");
    // The server sends in the very instant it stores the message.
    EXPECT_EQ(pushed->time, stored->time);
    // And Bob hears of it before a request/response could have crossed his
    // link and back: round trip = 2 x (1 ms + 1 ms) of propagation.
    EXPECT_GT(noticed->time, stored->time);
    EXPECT_LT(noticed->time - stored->time, Time::fromMilliseconds(4));

    // Nothing was asked between IDLE and the push: no polling.
    const auto* bob = findBlock(run.transcript, "IMAP", "bob-pc", "hamburger.edu");
    ASSERT_NE(bob, nullptr);
    const auto waiting = between(*bob, "S: + idling", "S: * 2 EXISTS");
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_TRUE(contains(bob->lines, "C: DONE"));
    const auto read = firstEvent(run.log, "bob-pc", "mail", "imap-read");
    ASSERT_TRUE(read);
    EXPECT_EQ(text(*read, "subject"), "Pickles");
    EXPECT_TRUE(firstEvent(run.log, "bob-pc", "mail", "imap-done"));
}

TEST(ImapScenario, bothScenariosGiveTheSameTraceOnEveryRun) {
    for (const std::string name : {"04-imap-folders", "09-imap-idle-push"}) {
        const auto spec = scenario::loadScenarioFile(scenarioPath(name));
        const auto first = scenario::runScenario(spec, {});
        const auto second = scenario::runScenario(spec, {});
        EXPECT_FALSE(first.summary.fingerprint.empty()) << name;
        EXPECT_EQ(first.summary.fingerprint, second.summary.fingerprint) << name;
        EXPECT_EQ(transcriptText(first.transcript), transcriptText(second.transcript)) << name;
    }
}

TEST(ImapScenario, tsharkDissectsTheImapDialogueOfScenario04WithoutComplaint) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("04-imap-folders"));
    scenario::RunOptions options;
    options.pcapPath = tempFile("04.pcap").string();
    scenario::runScenario(spec, options);

    const auto malformed = runTshark(*options.pcapPath, {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                                                         "-Y", "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status==0 || ip.checksum.status==0 || (tcp.analysis.flags && !tcp.analysis.window_update)",
                                                         "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"});
    ASSERT_EQ(malformed.exitCode, 0) << malformed.errors;
    EXPECT_EQ(malformed.output, "");

    // The laptop's requests, as tshark reads them from port 143.
    const auto requests = runTshark(*options.pcapPath, {"-Y", "imap.isrequest == 1 && ip.src==10.0.2.2", "-T", "fields",
                                                        "-e", "imap.request_tag", "-e", "imap.request.command"});
    ASSERT_EQ(requests.exitCode, 0) << requests.errors;
    EXPECT_EQ(outputLines(requests),
              (std::vector<std::string>{"A001\tLOGIN", "A002\tLIST", "A003\tCREATE", "A004\tSELECT", "A005\tFETCH",
                                        "A006\tFETCH", "A007\tCOPY", "A008\tSTORE", "A009\tEXPUNGE", "A010\tLOGOUT"}));
    // Every tagged reply to the laptop is OK.
    const auto statuses = runTshark(*options.pcapPath, {"-Y", "imap.response.status && ip.dst==10.0.2.2", "-T",
                                                        "fields", "-e", "imap.response_tag", "-e",
                                                        "imap.response.status"});
    ASSERT_EQ(statuses.exitCode, 0) << statuses.errors;
    const auto lines = outputLines(statuses);
    EXPECT_EQ(lines.size(), 10u);
    for (const auto& line : lines) EXPECT_NE(line.find("\tOK"), std::string::npos) << line;
}

// A one-user-agent scenario whose IMAP action is `steps` (YAML, indented under "imap:").
std::string withImapSteps(const std::string& steps) {
    return "title: t\n"
           "hosts:\n"
           "  - {name: pc, role: pc, address: 10.0.0.1}\n"
           "  - {name: mx, role: mail-server, address: 10.0.0.2}\n"
           "links:\n"
           "  - {between: [pc, mx]}\n"
           "mail_servers:\n"
           "  - {host: mx, domain: example.org, users: [{name: bob, password: pw}]}\n"
           "user_agents:\n"
           "  - host: pc\n"
           "    address: bob@example.org\n"
           "    server: mx\n"
           "    actions:\n"
           "      - at: 1s\n"
           "        imap: " + steps + "\n";
}

std::string loadError(const std::string& steps) {
    try {
        scenario::loadScenarioText(withImapSteps(steps), "imap.yaml");
    } catch (const scenario::ScenarioError& error) {
        return error.what();
    }
    return "no error";
}

// Bob has one message and two user agents on one server: `first` and `second` are their actions.
std::string bobOnTwoDevices(const std::string& first, const std::string& second) {
    return "title: t\n"
           "stop_at: 10s\n"
           "hosts:\n"
           "  - {name: laptop, role: laptop, address: 10.0.0.1}\n"
           "  - {name: phone, role: phone, address: 10.0.0.3}\n"
           "  - {name: mx, role: mail-server, address: 10.0.0.2}\n"
           "routers: [{name: r}]\n"
           "links:\n"
           "  - {between: [laptop, r], delay: 1ms}\n"
           "  - {between: [phone, r], delay: 1ms}\n"
           "  - {between: [r, mx], delay: 1ms}\n"
           "mail_servers:\n"
           "  - host: mx\n"
           "    domain: example.org\n"
           "    users:\n"
           "      - {name: bob, password: pw, messages: [{from: a@b.c, to: bob@example.org, subject: Hi, body: x}]}\n"
           "user_agents:\n"
           "  - {host: laptop, address: bob@example.org, password: pw, server: mx, actions: [" + first + "]}\n"
           "  - {host: phone, address: bob@example.org, password: pw, server: mx, actions: [" + second + "]}\n";
}

TEST(ImapScenario, aPop3DeletionIsPushedAtOnceToASessionInIdle) {
    const auto spec = scenario::loadScenarioText(
        bobOnTwoDevices("{at: 1s, imap: [{select: INBOX}, idle]}", "{at: 2s, pop3: {mode: download-and-delete}}"),
        "pop3-vs-idle.yaml");
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(spec, options);
    const auto deleted = firstEvent(run.log, "mx", "mail", "deleted");
    const auto pushed = firstEvent(run.log, "mx", "imap", "line", "* 1 EXPUNGE");
    ASSERT_TRUE(deleted && pushed);
    EXPECT_EQ(pushed->time, deleted->time);
}

TEST(ImapScenario, aStepTheServerRefusesEndsTheScriptWithLogoutAndIsRecorded) {
    const auto spec = scenario::loadScenarioText(
        bobOnTwoDevices("{at: 1s, imap: [{select: Nowhere}, list]}", "{at: 1s, imap: [list]}"), "refused.yaml");
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(spec, options);
    const auto failed = firstEvent(run.log, "laptop", "mail", "imap-failed");
    ASSERT_TRUE(failed);
    EXPECT_NE(text(*failed, "outcome").find("NONEXISTENT"), std::string::npos) << text(*failed, "outcome");
    EXPECT_FALSE(firstEvent(run.log, "laptop", "mail", "imap-folders"));
    const auto* laptop = findBlock(run.transcript, "IMAP", "laptop", "mx");
    ASSERT_NE(laptop, nullptr);
    EXPECT_TRUE(anyStartsWith(laptop->lines, "S: A002 NO", ""));
    EXPECT_TRUE(contains(laptop->lines, "C: A003 LOGOUT"));
    // The other device is unaffected.
    const auto folders = firstEvent(run.log, "phone", "mail", "imap-folders");
    ASSERT_TRUE(folders);
    EXPECT_EQ(text(*folders, "folders"), "INBOX");
    EXPECT_TRUE(firstEvent(run.log, "phone", "mail", "imap-done"));
}

TEST(ImapScenarioFormat, readsEveryKindOfStep) {
    const auto spec = scenario::loadScenarioText(
        withImapSteps("[list, {create: Recipes}, {select: INBOX}, fetch-headers, {fetch: 2}, "
                      "{move: {message: 1, to: Recipes}}, {idle: true}, logout]"),
        "imap.yaml");
    ASSERT_EQ(spec.userAgents.size(), 1u);
    const auto& action = spec.userAgents[0].actions.at(0);
    EXPECT_EQ(action.kind, scenario::UserAgentActionSpec::Kind::Imap);
    ASSERT_EQ(action.imap.size(), 8u);
    EXPECT_EQ(action.imap[1].kind, "create");
    EXPECT_EQ(action.imap[1].folder, "Recipes");
    EXPECT_EQ(action.imap[4].kind, "fetch");
    EXPECT_EQ(action.imap[4].message, 2u);
    EXPECT_EQ(action.imap[5].kind, "move");
    EXPECT_EQ(action.imap[5].message, 1u);
    EXPECT_EQ(action.imap[5].folder, "Recipes");
    EXPECT_EQ(action.imap[6].kind, "idle");
    EXPECT_EQ(scenario::imapScript(action.imap).size(), 8u);
}

TEST(ImapScenarioFormat, badStepsAreReportedWithTheirPosition) {
    EXPECT_EQ(loadError("[list, {fetch: 1}]"),
              "imap.yaml:15:22: fetch needs a selected folder: put {select: INBOX} before it");
    EXPECT_EQ(loadError("[{select: INBOX}, {fetch: 0}]"),
              "imap.yaml:15:41: expected a message number from 1 (IMAP numbers messages from 1), found 0");
    EXPECT_EQ(loadError("[{select: INBOX}, {remove: 1}]").substr(0, 52),
              "imap.yaml:15:34: unknown key 'remove' (expected one ");
    EXPECT_EQ(loadError("[sleep]").substr(0, 46), "imap.yaml:15:16: expected an IMAP step: list, ");
    EXPECT_EQ(loadError("[{select: INBOX}, {move: {message: 1}}]"), "imap.yaml:15:40: missing required key 'to'");
    EXPECT_EQ(loadError("[logout, list]"), "imap.yaml:15:24: nothing can follow logout in an IMAP session");
    EXPECT_EQ(loadError("[]"), "imap.yaml:15:15: expected at least one IMAP step, such as [list]");
    EXPECT_EQ(loadError("[{list: true, logout: true}]"),
              "imap.yaml:15:16: expected one IMAP step per list item, such as {select: INBOX}");
}

}  // namespace
