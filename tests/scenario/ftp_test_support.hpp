#pragma once
// Helpers for the FTP scenario tests: a run that keeps its world, the trace
// events it produced, a two-host scenario template and tshark queries.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "protocols/fs/file_system.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/scenario/world_ftp.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/tshark.hpp"

namespace netstage::ftp_test {

using namespace netstage::test_support;

inline std::string field(const trace::Event& event, const std::string& name) {
    for (const auto& [key, value] : event.fields) {
        if (key != name) continue;
        if (const auto* text = std::get_if<std::string>(&value)) return *text;
        return std::to_string(std::get<std::int64_t>(value));
    }
    return {};
}

class EventLog : public trace::TraceSink {
public:
    void onPacket(const trace::PacketEvent& event) override {
        if (event.action == trace::PacketAction::Dropped && event.reason == "loss") ++lost;
    }
    void onEvent(const trace::Event& event) override { events.push_back(event); }
    std::vector<trace::Event> of(const std::string& layer, const std::string& type) const {
        std::vector<trace::Event> out;
        for (const auto& e : events) {
            if (e.layer == layer && e.type == type) out.push_back(e);
        }
        return out;
    }
    std::vector<trace::Event> events;
    std::size_t lost = 0;
};

// A scenario run whose world is kept, so tests can look at the server's files.
struct FtpRun {
    explicit FtpRun(const scenario::ScenarioSpec& scenarioSpec) : spec{scenarioSpec} {
        tracer.addSink(log);
        tracer.addSink(transcript);
        world = std::make_unique<scenario::World>(spec, tracer);
        world->run();
    }
    const apps::FtpServerApp& server(const std::string& host) const { return *world->ftp().server(host); }
    vfs::FileSystem& files(const std::string& host, const std::string& user) const {
        return *world->ftp().server(host)->files(user);
    }
    const apps::FtpClientApp& client(std::size_t index) const { return *world->ftp().clients().at(index); }
    std::vector<const trace::TranscriptBlock*> blocks(const std::string& role) const {
        std::vector<const trace::TranscriptBlock*> out;
        for (const auto& b : transcript.blocks()) {
            if (b.protocol == "FTP" && b.role == role) out.push_back(&b);
        }
        return out;
    }

    scenario::ScenarioSpec spec;
    trace::Tracer tracer;
    EventLog log;
    trace::TranscriptSink transcript;
    std::unique_ptr<scenario::World> world;
};

inline bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

inline std::string allByteValues(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i % 256);
    return bytes;
}

inline std::uint16_t serverPortOf(const trace::TranscriptBlock& block) {
    return static_cast<std::uint16_t>(std::stoi(block.connection.substr(block.connection.rfind(':') + 1)));
}

// A server and a client on two hosts; `mode` and the client's commands vary.
inline std::string twoHostScenario(const std::string& mode, const std::string& commands, const std::string& extra = {}) {
    return R"(
title: ftp test
hosts:
  - {name: pc, address: 10.0.1.2)" + extra + R"(}
  - {name: srv, role: ftp-server, address: 10.0.2.21}
links:
  - {between: [pc, srv], rate: 10Mbps, delay: 5ms}
ftp_servers:
  - host: srv
    users:
      - name: u
        password: p
        quota: 100000
        files:
          - {path: all.bin, binary: all-byte-values, size: 1024}
ftp_clients:
  - host: pc
    server: srv
    user: u
    password: p
    mode: )" + mode + R"(
    commands:
)" + commands;
}

inline const std::string kRoundTrip = R"(      - {at: 1s, do: login}
      - {at: 1s, do: get, file: all.bin}
      - {at: 1s, do: put, file: copy.bin, binary: all-byte-values, size: 1024}
)";

inline std::filesystem::path capture(const std::string& name) {
    const auto path = std::filesystem::path{::testing::TempDir()} / ("netstage_" + name + ".pcap");
    scenario::RunOptions options;
    options.pcapPath = path.string();
    scenario::runScenario(scenario::loadScenarioFile(scenarioPath(name)), options);
    return path;
}

// The project's check for every capture (tests/trace/pcap_tshark_test.cpp), plus expert errors.
inline const std::vector<std::string> kProblemFilter{
    "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y",
    "(tcp.analysis.flags && !tcp.analysis.window_update) || tcp.checksum.status==0 || ip.checksum.status==0 || "
    "tcp.ack.nonzero || _ws.malformed || _ws.expert.severity >= error",
    "-T", "fields", "-e", "frame.number"};

inline std::vector<std::string> tsharkFields(const std::filesystem::path& path, const std::string& filter,
                                      const std::vector<std::string>& fields) {
    std::vector<std::string> arguments{"-Y", filter, "-T", "fields"};
    for (const auto& f : fields) {
        arguments.push_back("-e");
        arguments.push_back(f);
    }
    const auto result = runTshark(path, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.errors;
    return outputLines(result);
}

}  // namespace netstage::ftp_test
