#include "gui/model/document_source.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "simulator/trace/json_lines_writer.hpp"
#include "tests/gui/sample_trace.hpp"
#include "tests/support/temp_dir.hpp"

namespace netstage::gui {
namespace {

class DocumentSource : public ::testing::Test {
protected:
    netstage::test_support::TempDir folder;
    const std::filesystem::path& dir = folder.path();

    std::string write(const std::string& name, const std::string& text) {
        const auto path = (dir / name).string();
        std::ofstream{path, std::ios::binary} << text;
        return path;
    }
};

std::string sampleJson() {
    std::ostringstream out;
    trace::JsonLinesWriter writer{out};
    trace::replay(testing::smtpSampleTrace(), writer);
    return out.str();
}

TEST_F(DocumentSource, aSavedTraceReadsBackAsTheSameLog) {
    const auto result = readTraceFile(write("good.jsonl", sampleJson()));
    ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(result)) << std::get<LoadError>(result).toString();
    EXPECT_EQ(std::get<trace::TraceLog>(result), testing::smtpSampleTrace());
}

TEST_F(DocumentSource, aBrokenLineIsNamedAndQuoted) {
    std::string text = sampleJson();
    const auto thirdLine = text.find('\n', text.find('\n') + 1) + 1;
    text.insert(thirdLine, "{\"t\":0,\"kind\":\"event\",oops}\n");
    const std::string path = write("bad.jsonl", text);
    const auto result = readTraceFile(path);
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    const LoadError& error = std::get<LoadError>(result);
    EXPECT_EQ(error.file, path);
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.quote, "{\"t\":0,\"kind\":\"event\",oops}");
    EXPECT_EQ(error.toString().rfind(path + ":3: ", 0), 0u) << error.toString();
}

TEST_F(DocumentSource, aMissingFileIsAnErrorNotACrash) {
    const auto result = readTraceFile((dir / "absent.jsonl").string());
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_EQ(std::get<LoadError>(result).line, 0);
}

TEST_F(DocumentSource, aTruncatedTraceIsRejected) {
    std::string text = sampleJson();
    text.erase(text.rfind("{\"t\""));
    const auto result = readTraceFile(write("cut.jsonl", text));
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_NE(std::get<LoadError>(result).message.find("end"), std::string::npos);
}

TEST_F(DocumentSource, scenarioErrorsAreSplitIntoFileLineColumnAndMessage) {
    const std::string path = write("s.yaml", "title: x\nlinks:\n  - delay: ten\n");
    const LoadError error = parseLocatedMessage(path + ":3:12: expected a duration such as 10ms, found 'ten'", path);
    EXPECT_EQ(error.file, path);
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.column, 12);
    EXPECT_EQ(error.message, "expected a duration such as 10ms, found 'ten'");
    EXPECT_EQ(error.quote, "  - delay: ten");
    EXPECT_EQ(error.location(), path + ":3:12");
}

TEST_F(DocumentSource, messagesWithoutALocationKeepTheirText) {
    const LoadError error = parseLocatedMessage("s.yaml: no hosts", "s.yaml");
    EXPECT_EQ(error.line, 0);
    EXPECT_EQ(error.message, "no hosts");
    EXPECT_EQ(parseLocatedMessage("something odd", "f.yaml").message, "something odd");
}

TEST(DocumentKind, scenariosAreYamlFiles) {
    EXPECT_TRUE(isScenarioPath("scenarios/01-smtp-alice-to-bob.yaml"));
    EXPECT_TRUE(isScenarioPath("x.yml"));
    EXPECT_FALSE(isScenarioPath("run.jsonl"));
}

}  // namespace
}  // namespace netstage::gui
