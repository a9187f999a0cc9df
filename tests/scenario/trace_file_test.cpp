// Every scenario can be saved as a JSON Lines trace and a pcap capture
// (netstage run --trace --pcap), and the saved trace reads back as exactly
// the run the GUI plays from memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "simulator/trace/json_lines_reader.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace netstage {
namespace {

using namespace netstage::test_support;

class ScenarioTraceFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioTraceFile, isWrittenWholeAndReadsBackAsTheRunInMemory) {
    const std::string name = GetParam();
    const auto spec = scenario::loadScenarioFile(scenarioPath(name));
    const test_support::TempDir folder;
    const auto& dir = folder.path();
    scenario::RunOptions options;
    options.tracePath = (dir / "run.jsonl").string();
    options.pcapPath = (dir / "run.pcap").string();
    options.keepLog = true;
    // Tearing the world down after the run (servers closing their listeners)
    // must not reach the files, which are complete by then.
    const scenario::ScenarioRun run = scenario::runScenario(spec, options);

    std::ifstream in{*options.tracePath, std::ios::binary};
    trace::TraceReadResult read = trace::JsonLinesReader::read(in);
    ASSERT_TRUE(read.ok()) << read.error().toString();
    EXPECT_TRUE(read.log() == run.log);
    EXPECT_GT(std::filesystem::file_size(*options.pcapPath), 24u);  // more than the global header
    std::filesystem::remove_all(dir);
}

// A trace saved in format version 1 (hex bytes on every packet record, before
// packets were written once) still opens, as the same run.
TEST(ScenarioTraceFile, aVersionOneTraceReadsAsTheSameRun) {
    const trace::TraceReadResult old =
        trace::JsonLinesReader::read(readSourceFile("tests/scenario/data/01-smtp-alice-to-bob.v1.jsonl"));
    ASSERT_TRUE(old.ok()) << old.error().toString();
    scenario::RunOptions options;
    options.keepLog = true;
    const scenario::ScenarioRun run =
        scenario::runScenario(scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob")), options);
    EXPECT_EQ(old.log().header.seed, run.log.header.seed);
    EXPECT_EQ(old.log().records.size(), run.log.records.size());
    EXPECT_TRUE(old.log().records == run.log.records);
    EXPECT_EQ(old.log().end, run.log.end);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioTraceFile,
                         ::testing::Values("01-smtp-alice-to-bob", "01b-smtp-persistent-connection", "01c-mail-message-format",
                                           "01d-mime-attachment", "02-pop3-download-and-delete",
                                           "03-pop3-download-and-keep", "04-imap-folders", "05-ftp-session",
                                           "06-ftp-active-vs-passive", "07-smtp-relay-retry", "07b-smtp-bounce", "07c-smtp-backup-mx",
                                           "08-ftp-disk-full", "09-imap-idle-push", "09b-webmail-pull-vs-push"),
                         [](const auto& param) {
                             std::string name = param.param;
                             for (char& c : name) {
                                 if (c == '-') c = '_';
                             }
                             return "s" + name;
                         });

}  // namespace
}  // namespace netstage
