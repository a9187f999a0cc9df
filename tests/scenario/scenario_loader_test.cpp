#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "simulator/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_error_text.hpp"

using namespace netstage;
using namespace netstage::scenario;
using namespace netstage::time_literals;

namespace {

const std::string minimal = R"(title: two hosts
hosts:
  - name: a
    address: 10.0.1.2
  - name: b
    role: mail-server
    address: 10.0.2.10
routers:
  - name: r
links:
  - between: [a, r]
    rate: 10Mbps
    delay: 10ms
  - between: [r, b]
)";

std::string errorFor(const std::string& text) { return netstage::test_support::scenarioErrorFor(text, "broken.yaml"); }

}  // namespace

TEST(ScenarioLoader, readsAMinimalScenario) {
    const ScenarioSpec spec = loadScenarioText(minimal, "ok.yaml");
    EXPECT_EQ(spec.title, "two hosts");
    ASSERT_EQ(spec.hosts.size(), 2u);
    EXPECT_EQ(spec.hosts[1].role, HostRole::MailServer);
    EXPECT_EQ(spec.hosts[1].address.toString(), "10.0.2.10");
    EXPECT_EQ(spec.hosts[1].where.line, 5);
    ASSERT_EQ(spec.links.size(), 2u);
    EXPECT_EQ(spec.links[0].delay, 10_ms);
    EXPECT_EQ(spec.links[1].bitsPerSecond, 10'000'000);  // default
    EXPECT_EQ(spec.seed, 1u);
}

TEST(ScenarioLoader, aMissingKeyNamesTheKeyAndWhere) {
    EXPECT_EQ(errorFor("title: x\nhosts:\n  - name: a\nlinks: []\n"), "broken.yaml:3:5: missing required key 'address'");
}

TEST(ScenarioLoader, aWrongTypeSaysWhatWasExpected) {
    EXPECT_EQ(errorFor("title: x\nhosts: {a: 1}\nlinks: []\n"),
              "broken.yaml:2:8: expected a list of hosts (lines starting with '- '), found a mapping");
}

TEST(ScenarioLoader, anUnknownHostInALinkIsAnError) {
    EXPECT_EQ(errorFor(minimal + "  - between: [a, nowhere]\n"), "broken.yaml:15:18: unknown host or router 'nowhere'");
}

TEST(ScenarioLoader, anUnknownKeyIsNeverIgnored) {
    const std::string text = "title: x\nhostz: []\nhosts: []\nlinks: []\n";
    EXPECT_EQ(errorFor(text).rfind("broken.yaml:2:1: unknown key 'hostz' (expected one of: title,", 0), 0u) << errorFor(text);
}

TEST(ScenarioLoader, aBadTimeSaysWhatADurationLooksLike) {
    EXPECT_EQ(errorFor(minimal + "    delay: soon\n"),
              "broken.yaml:15:12: expected a duration such as 10ms, 1.5s or 2min, found 'soon'");
}

TEST(ScenarioLoader, aYamlSyntaxErrorHasItsPosition) {
    const std::string message = errorFor("title: x\nhosts: [a, b\nlinks: []\n");
    EXPECT_EQ(message.rfind("broken.yaml:", 0), 0u);
    EXPECT_NE(message.find("YAML syntax error"), std::string::npos) << message;
}

TEST(ScenarioLoader, anEmptyFileIsExplained) {
    EXPECT_EQ(errorFor(""),
              "broken.yaml:1:1: expected a scenario (a mapping with title, hosts and links), found an empty file");
}

TEST(ScenarioLoader, binaryGarbageIsRefusedCleanly) {
    std::string garbage = "\x7f" "ELF\x02\x01\x01";
    garbage += '\0';
    garbage += "\x03\x00\x3e\x00\xff\xfe";
    EXPECT_EQ(errorFor(garbage), "broken.yaml:1:8: expected a text (YAML) file, found a NUL byte: is this a binary file?");
    // Garbage without NUL bytes is still not a scenario.
    EXPECT_EQ(errorFor("\xff\xfe\x80 garbage").rfind("broken.yaml:1:", 0), 0u);
}

TEST(ScenarioLoader, duplicateNamesAndAddressesAreErrors) {
    EXPECT_EQ(errorFor("title: x\nhosts:\n  - {name: a, address: 10.0.0.1}\n  - {name: a, address: 10.0.0.2}\nlinks: []\n"),
              "broken.yaml:4:12: the name 'a' is already used by another host or router");
    EXPECT_EQ(errorFor("title: x\nhosts:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.1}\nlinks: []\n"),
              "broken.yaml:4:24: the address 10.0.0.1 is already used by another interface");
}

TEST(ScenarioLoader, aFaultMustNameAnExistingLink) {
    EXPECT_EQ(errorFor(minimal + "faults:\n  - {at: 1s, link: [a, b], state: down}\n"),
              "broken.yaml:16:20: there is no link between 'a' and 'b'");
}

TEST(ScenarioLoader, aMissingFileIsReportedWithItsPath) {
    try {
        loadScenarioFile("/nonexistent/scenario.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(std::string{e.what()}, "/nonexistent/scenario.yaml: cannot open the file (does it exist, and may it be read?)");
    }
}
