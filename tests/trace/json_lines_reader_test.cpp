#include "simulator/trace/json_lines_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "simulator/trace/json_lines_writer.hpp"
#include "tests/support/source_files.hpp"
#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

std::string write(const TraceLog& log) {
    std::ostringstream out;
    JsonLinesWriter writer{out};
    replay(log, writer);
    return out.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in{text};
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

std::string join(const std::vector<std::string>& ls) {
    std::string out;
    for (const auto& l : ls) out += l + '\n';
    return out;
}

// Reads `text`, expects an error at `line` whose message contains `fragment`.
void expectError(const std::string& text, std::size_t line, const std::string& fragment) {
    const TraceReadResult result = JsonLinesReader::read(text);
    ASSERT_FALSE(result.ok()) << "accepted:\n" << text;
    EXPECT_EQ(result.error().line, line) << result.error().toString();
    EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().toString();
}

TEST(JsonLinesReader, readsBackExactlyWhatTheWriterWrote) {
    for (const TraceLog& original :
         {testing_support::tinyRun(), testing_support::smtpConversation(), testing_support::packetJourney()}) {
        const std::string text = write(original);
        const TraceReadResult result = JsonLinesReader::read(text);
        ASSERT_TRUE(result.ok()) << result.error().toString();
        EXPECT_TRUE(result.log() == original);
        EXPECT_EQ(write(result.log()), text) << "writing the replayed log gives the same bytes";
    }
}

TEST(JsonLinesReader, readsFromAStream) {
    std::istringstream in{write(testing_support::tinyRun())};
    const TraceReadResult result = JsonLinesReader::read(in);
    ASSERT_TRUE(result.ok()) << result.error().toString();
    EXPECT_EQ(result.log().records.size(), 3u);
    EXPECT_EQ(std::get<PacketRecord>(result.log().records[1]).reason, "queue-full");
}

TEST(JsonLinesReader, preservesFieldOrderAndIntegerVersusString) {
    const TraceReadResult result = JsonLinesReader::read(write(testing_support::tinyRun()));
    ASSERT_TRUE(result.ok()) << result.error().toString();
    const Event& event = std::get<Event>(result.log().records[2]);
    ASSERT_EQ(event.fields.size(), 4u);
    EXPECT_EQ(event.fields[0].first, "from");
    EXPECT_EQ(event.fields[1].first, "to");
    EXPECT_EQ(event.fields[2], (std::pair<std::string, FieldValue>{"port", std::int64_t{49152}}));
    EXPECT_EQ(event.fields[3], (std::pair<std::string, FieldValue>{"delta", std::int64_t{-1}}));
}

TEST(JsonLinesReader, rejectsAnEmptyFile) { expectError("", 1, "empty file"); }

TEST(JsonLinesReader, rejectsABadHeader) {
    auto ls = lines(write(testing_support::tinyRun()));
    ls[0] = R"({"format":"pcapng","version":1,"scenario":"x","seed":1})";
    expectError(join(ls), 1, "not a netstage trace");
    ls[0] = "hello";
    expectError(join(ls), 1, "corrupt JSON");
    ls[0] = R"({"format":"netstage-trace","version":1,"scenario":"x"})";
    expectError(join(ls), 1, "missing \"seed\"");
}

TEST(JsonLinesReader, rejectsANewerVersion) {
    auto ls = lines(write(testing_support::tinyRun()));
    ls[0] = R"({"format":"netstage-trace","version":99,"scenario":"x","seed":1})";
    expectError(join(ls), 1, "version 99 is newer");
}

TEST(JsonLinesReader, namesTheLineOfCorruptJson) {
    auto ls = lines(write(testing_support::smtpConversation()));
    ls[4] = ls[4].substr(0, ls[4].size() / 2);
    expectError(join(ls), 5, "corrupt JSON");
}

TEST(JsonLinesReader, rejectsATruncatedFile) {
    const auto ls = lines(write(testing_support::smtpConversation()));
    const std::vector<std::string> withoutEnd(ls.begin(), ls.end() - 1);
    expectError(join(withoutEnd), ls.size(), "without an end record");
    const std::vector<std::string> headerOnly(ls.begin(), ls.begin() + 1);
    expectError(join(headerOnly), 2, "without an end record");
}

TEST(JsonLinesReader, rejectsEveryTruncationPoint) {
    const std::string text = write(testing_support::tinyRun());
    for (std::size_t n = 0; n + 1 < text.size(); ++n) {
        EXPECT_FALSE(JsonLinesReader::read(std::string_view{text}.substr(0, n)).ok()) << "cut at " << n;
    }
}

TEST(JsonLinesReader, rejectsMalformedRecords) {
    const auto ls = lines(write(testing_support::tinyRun()));
    auto withLine = [&](std::size_t index, const std::string& replacement) {
        auto copy = ls;
        copy[index] = replacement;
        return join(copy);
    };
    const std::string& sent = ls[1];
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = sent;
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return s.replace(at, from.size(), to);
    };
    expectError(withLine(1, "[1,2]"), 2, "not a JSON object");
    expectError(withLine(1, R"({"t":1,"kind":"bogus"})"), 2, "unknown record kind");
    expectError(withLine(1, R"({"t":1.5,"kind":"end"})"), 2, "\"t\" is not an integer");
    expectError(withLine(1, R"({"t":-1,"kind":"end"})"), 2, "\"t\" is out of range");
    expectError(withLine(1, replaced("\"action\":\"sent\"", "\"action\":\"teleported\"")), 2, "unknown packet action");
    expectError(withLine(1, replaced("\"len\":44", "\"len\":45")), 2, "\"len\" is 45");
    expectError(withLine(1, replaced("\"wire\":\"RQ", "\"wire\":\"R!")), 2, "not a base64 string");
    expectError(withLine(1, replaced("\"wire\":\"RQ", "\"wire\":\"Rg")), 2, "not a valid packet");
    expectError(withLine(1, replaced("\"nodeId\":3", "\"nodeId\":\"3\"")), 2, "\"nodeId\" is not a non-negative integer");
    expectError(withLine(3, R"({"t":3000000,"kind":"event","node":"a","layer":"tcp","type":"x","fields":{"f":1.5}})"), 4,
                "neither an integer nor a string");
    expectError(withLine(3, R"({"t":3000000,"kind":"event","node":"a","layer":"tcp","type":"x","fields":[]})"), 4,
                "\"fields\" is not an object");
    expectError(withLine(3, R"({"t":1,"kind":"end"})"), 4, "time goes backwards");
    auto extra = ls;
    extra.push_back(R"({"t":9000000,"kind":"end"})");
    expectError(join(extra), ls.size() + 1, "after the end record");
}

TEST(JsonLinesReader, rejectsAnEventThatRepeatsAFieldName) {
    auto ls = lines(write(testing_support::tinyRun()));
    ls[3] = R"({"t":3000000,"kind":"event","node":"a","layer":"tcp","type":"x","fields":{"f":1,"g":"two","f":"again"}})";
    expectError(join(ls), 4, "field \"f\" is repeated");
}

TEST(JsonLinesReader, neverThrowsWhateverByteIsDamaged) {
    const std::string text = write(testing_support::tinyRun());
    std::size_t accepted = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const char c : {'\0', '"', '{', '9', '\n', '\xff', 'x'}) {
            std::string damaged = text;
            damaged[i] = c;
            bool ok = false;
            ASSERT_NO_THROW(ok = JsonLinesReader::read(damaged).ok()) << "byte " << i;
            if (ok) ++accepted;
        }
    }
    // Some damage is harmless (a digit inside a summary or a uid), but most is caught.
    EXPECT_LT(accepted, text.size() * 7 / 4);
}

TEST(JsonLinesReader, ignoresKeysItDoesNotKnow) {
    auto ls = lines(write(testing_support::tinyRun()));
    ls[0].insert(ls[0].size() - 1, R"(,"generator":"future")");
    ls[3].insert(ls[3].size() - 1, R"(,"colour":"blue")");
    const TraceReadResult result = JsonLinesReader::read(join(ls));
    ASSERT_TRUE(result.ok()) << result.error().toString();
    EXPECT_TRUE(result.log() == testing_support::tinyRun());
}

TEST(JsonLinesReader, readsAVersionOneTraceWithItsHexBytesOnEveryRecord) {
    const TraceReadResult result = JsonLinesReader::read(test_support::readSourceFile("tests/trace/data/tiny-run.v1.jsonl"));
    ASSERT_TRUE(result.ok()) << result.error().toString();
    EXPECT_TRUE(result.log() == testing_support::tinyRun());
}

TEST(JsonLinesReader, keepsVersionOneRulesForAVersionOneFile) {
    auto ls = lines(test_support::readSourceFile("tests/trace/data/tiny-run.v1.jsonl"));
    // Version 1 has no references: every packet record carries its hex bytes.
    const auto at = ls[2].find(",\"summary\"");
    ls[2] = ls[2].substr(0, at) + R"(,"reason":"queue-full"})";
    expectError(join(ls), 3, "missing \"wire\"");
}

TEST(JsonLinesReader, rejectsAPacketWithoutBytesThatIsNotInFlight) {
    const auto ls = lines(write(testing_support::packetJourney()));
    auto damaged = ls;
    damaged.erase(damaged.begin() + 1);  // the record that carried the bytes
    expectError(join(damaged), 2, "no \"wire\" and no earlier record in flight");
    damaged = ls;
    damaged[5] = ls[4];  // the packet was received on the line before: forgotten
    damaged[5].replace(damaged[5].find("\"t\":4000"), 8, "\"t\":5000");
    expectError(join(damaged), 6, "no \"wire\" and no earlier record in flight");
}

TEST(JsonLinesReader, rejectsAnIpHeaderThatIsNotOne) {
    auto ls = lines(write(testing_support::packetJourney()));
    const std::string good = ls[3];
    const auto at = good.find("\"ip\":\"") + 6;
    ls[3] = good.substr(0, at) + "RQAA" + good.substr(good.find('"', at));
    expectError(join(ls), 4, "20-byte IPv4 header");
    ls[3] = good;
    ls[3][at + 5] = ls[3][at + 5] == 'A' ? 'B' : 'A';  // damages the header checksum's cover
    expectError(join(ls), 4, "not a valid packet");
}

}  // namespace
}  // namespace netstage::trace
