// What `netstage run`, `demo` and `msc -o` do with the files they are asked
// to write: a write that fails is an error with a non-zero exit and the
// reason, and outputs that collide with each other or with the input are
// refused before anything is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/bulk_transfer_demo.hpp"
#include "cli/commands.hpp"
#include "cli/msc_command.hpp"
#include "cli/output_paths.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;

namespace {

using test_support::sourceDir;

// A copy of scenario 01 in a folder of the test's own, so a bug cannot destroy the real one.
std::string copyOfScenario01(const test_support::TempDir& dir) {
    const auto copy = dir.file("s.yaml");
    std::filesystem::copy_file(sourceDir() / "scenarios" / "01-smtp-alice-to-bob.yaml", copy);
    return copy.string();
}

struct Outcome {
    int status;
    std::string out;
    std::string err;
};

Outcome run(const ScenarioOptions& options) {
    std::ostringstream out, err;
    const int status = runScenarioCommand(options, out, err);
    return {status, out.str(), err.str()};
}

}  // namespace

TEST(OutputFiles, aTraceThatCannotBeWrittenIsAnErrorWithTheReason) {
    test_support::TempDir dir;
    ScenarioOptions options;
    options.path = copyOfScenario01(dir);
    options.tracePath = "/dev/full";
    const Outcome result = run(options);
    EXPECT_EQ(result.status, 1);
    EXPECT_EQ(result.err, "netstage: /dev/full: cannot write: No space left on device\n");
    EXPECT_EQ(result.out, "");
}

TEST(OutputFiles, aCaptureThatCannotBeWrittenIsAnErrorWithTheReason) {
    test_support::TempDir dir;
    ScenarioOptions options;
    options.path = copyOfScenario01(dir);
    options.pcapPath = "/dev/full";
    const Outcome result = run(options);
    EXPECT_EQ(result.status, 1);
    EXPECT_EQ(result.err, "netstage: /dev/full: cannot write: No space left on device\n");
}

TEST(OutputFiles, theSameFileForTraceAndCaptureIsRefusedBeforeTheRun) {
    test_support::TempDir dir;
    ScenarioOptions options;
    options.path = copyOfScenario01(dir);
    options.tracePath = dir.file("run.out").string();
    options.pcapPath = (dir.path() / "." / "run.out").string();
    const Outcome result = run(options);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.err, "netstage run: --trace and --pcap name the same file (" + *options.pcapPath +
                              "); give each its own file\n");
    EXPECT_FALSE(std::filesystem::exists(dir.file("run.out")));
}

TEST(OutputFiles, aTraceOverTheScenarioItReadIsRefusedAndTheScenarioIsKept) {
    test_support::TempDir dir;
    ScenarioOptions options;
    options.path = copyOfScenario01(dir);
    const std::string before = test_support::slurp(options.path);
    options.tracePath = (dir.path() / ".." / dir.path().filename() / "s.yaml").string();
    const Outcome result = run(options);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.err, "netstage run: --trace " + *options.tracePath +
                              " is the scenario file; writing it would destroy the input\n");
    EXPECT_EQ(test_support::slurp(options.path), before);
}

TEST(OutputFiles, aHardLinkToTheScenarioIsTheSameFile) {
    test_support::TempDir dir;
    const std::string scenario = copyOfScenario01(dir);
    std::filesystem::create_hard_link(scenario, dir.file("link.yaml"));
    EXPECT_TRUE(sameFile(scenario, dir.file("link.yaml").string()));
    EXPECT_FALSE(sameFile(scenario, dir.file("other.yaml").string()));
}

TEST(OutputFiles, theDemoReportsAFailedWriteAndRefusesOneFileForBothOutputs) {
    test_support::TempDir dir;
    DemoOptions options;
    options.bytes = 10'000;
    options.pcapPath = "/dev/full";
    std::ostringstream out, err;
    EXPECT_EQ(runDemoCommand(options, out, err), 1);
    EXPECT_EQ(err.str(), "netstage: /dev/full: cannot write: No space left on device\n");

    options.pcapPath = dir.file("demo.out").string();
    options.tracePath = dir.file("demo.out").string();
    std::ostringstream out2, err2;
    EXPECT_EQ(runDemoCommand(options, out2, err2), 2);
    EXPECT_EQ(err2.str(), "netstage demo: --trace and --pcap name the same file (" + *options.pcapPath +
                              "); give each its own file\n");
    EXPECT_FALSE(std::filesystem::exists(dir.file("demo.out")));
}

TEST(OutputFiles, theChartReportsAFailedWriteAndRefusesToOverwriteItsInput) {
    test_support::TempDir dir;
    MscCommandOptions options;
    options.input = copyOfScenario01(dir);
    options.outputPath = "/dev/full";
    std::ostringstream out, err;
    EXPECT_EQ(runMscCommand(options, out, err), 1);
    EXPECT_EQ(err.str(), "netstage msc: /dev/full: cannot write: No space left on device\n");

    const std::string before = test_support::slurp(options.input);
    options.outputPath = options.input;
    std::ostringstream out2, err2;
    EXPECT_EQ(runMscCommand(options, out2, err2), 2);
    EXPECT_EQ(err2.str(), "netstage msc: -o " + options.input + " is the input file; writing it would destroy the input\n");
    EXPECT_EQ(test_support::slurp(options.input), before);
}
