// FTP speed, trace off (issue 5, section Speed):
//  - BM_BulkRetr: one 100 MB RETR in passive mode, TYPE I, over client -
//    router - server with 10 Mbit/s, 5 ms links (a 10 ms one-way path).
//  - BM_ManyClients: N clients, each on its own host, log in to one server
//    at the same instant and download the same 100 KB file.
// Each run builds the World exactly as runScenario() does with
// RunOptions{transcript = false} (only the fingerprint sink, which asks for
// no events), but keeps it so that every client's result can be checked.
// Peak RSS: run one benchmark under /usr/bin/time -v (docs/ftp.md, "Performance").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "simulator/scenario/world.hpp"
#include "simulator/scenario/world_ftp.hpp"
#include "simulator/trace/fingerprint_sink.hpp"

namespace {

using namespace netstage;
using namespace netstage::scenario;

constexpr Ipv4Address kServerAddress{10, 0, 0, 21};

LinkSpec link(const std::string& a, const std::string& b, std::int64_t bitsPerSecond, Time delay, std::size_t queue) {
    LinkSpec spec;
    spec.a = a;
    spec.b = b;
    spec.bitsPerSecond = bitsPerSecond;
    spec.delay = delay;
    spec.queue = queue;
    return spec;
}

// A server "srv" behind "router" holding `fileSize` octets of every byte value as /file.bin for user "u".
ScenarioSpec serverWithFile(std::size_t fileSize, const LinkSpec& serverLink) {
    ScenarioSpec spec;
    spec.file = "bench";
    spec.title = "ftp bench";
    spec.stopAt = Time::fromSeconds(3600);
    HostSpec server;
    server.name = "srv";
    server.role = HostRole::FtpServer;
    server.address = kServerAddress;
    spec.hosts.push_back(server);
    spec.routers.push_back(RouterSpec{"router", {}, {}});
    spec.links.push_back(serverLink);
    FtpUserSpec user;
    user.name = "u";
    user.password = "p";
    FtpFileSpec file;
    file.path = "file.bin";
    file.content.kind = FtpContentSpec::Kind::AllByteValues;
    file.content.size = fileSize;
    user.files.push_back(file);
    FtpServerSpec ftp;
    ftp.host = "srv";
    ftp.users.push_back(user);
    spec.ftpServers.push_back(ftp);
    return spec;
}

void addClient(ScenarioSpec& spec, std::size_t index, const LinkSpec& clientLink) {
    HostSpec pc;
    pc.name = clientLink.a;
    pc.address = Ipv4Address{10, static_cast<std::uint8_t>(1 + index / 200), static_cast<std::uint8_t>(index % 200), 2};
    spec.hosts.push_back(pc);
    spec.links.push_back(clientLink);
    FtpClientSpec client;
    client.name = pc.name;
    client.host = pc.name;
    client.server = "srv";
    client.user = "u";
    client.password = "p";
    client.passive = true;
    FtpCommandSpec login;
    login.kind = FtpCommandSpec::Kind::Login;
    login.at = Time::zero();
    FtpCommandSpec get;
    get.kind = FtpCommandSpec::Kind::Get;
    get.at = Time::zero();
    get.argument = "file.bin";
    client.commands = {login, get};
    spec.ftpClients.push_back(client);
}

struct Outcome {
    std::size_t complete = 0;  // clients that downloaded exactly the file's size
    std::uint64_t events = 0;
    Time lastDownload;  // simulated time at which the last download finished
};

// Runs the scenario as runScenario(spec, RunOptions{transcript = false}) would.

Outcome runAndCount(const ScenarioSpec& spec, std::size_t fileSize) {
    trace::Tracer tracer;
    trace::FingerprintSink fingerprint;
    tracer.addSink(fingerprint, /*wantsEvents=*/false);
    World world{spec, tracer};
    Outcome outcome;
    world.run();
    outcome.events = world.simulator().eventCount();
    for (const auto& client : world.ftp().clients()) {
        for (const auto& result : client->results()) {
            if (result.kind != ftp::ClientStep::Kind::Get || !result.ok || result.data.size() != fileSize) continue;
            ++outcome.complete;
            outcome.lastDownload = std::max(outcome.lastDownload, result.finishedAt);
        }
    }
    return outcome;
}

void BM_BulkRetr(benchmark::State& state) {
    const auto fileSize = static_cast<std::size_t>(state.range(0));
    constexpr std::int64_t kRate = 10'000'000;
    const Time delay = Time::fromMilliseconds(5);
    ScenarioSpec spec = serverWithFile(fileSize, link("srv", "router", kRate, delay, 100));
    addClient(spec, 0, link("pc", "router", kRate, delay, 100));
    Outcome outcome;
    for (auto _ : state) outcome = runAndCount(spec, fileSize);
    if (outcome.complete != 1) state.SkipWithError("the download did not complete");
    state.counters["events"] = static_cast<double>(outcome.events);
    state.counters["simulated_s"] = static_cast<double>(outcome.lastDownload.milliseconds()) / 1e3;
    state.counters["MB"] = static_cast<double>(fileSize) / 1e6;
}

void BM_ManyClients(benchmark::State& state) {
    const auto clients = static_cast<std::size_t>(state.range(0));
    const auto fileSize = static_cast<std::size_t>(state.range(1));
    ScenarioSpec spec = serverWithFile(fileSize, link("srv", "router", 1'000'000'000, Time::fromMilliseconds(1), 100'000));
    for (std::size_t c = 0; c < clients; ++c) {
        addClient(spec, c, link("pc" + std::to_string(c), "router", 100'000'000, Time::fromMilliseconds(5), 1000));
    }
    Outcome outcome;
    for (auto _ : state) outcome = runAndCount(spec, fileSize);
    if (outcome.complete != clients) state.SkipWithError("not every client downloaded the file");
    state.counters["downloads"] = static_cast<double>(outcome.complete);
    state.counters["events"] = static_cast<double>(outcome.events);
    state.counters["simulated_s"] = static_cast<double>(outcome.lastDownload.milliseconds()) / 1e3;
}

}  // namespace

BENCHMARK(BM_BulkRetr)->Arg(100'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ManyClients)->Args({1'000, 100'000})->Args({1'000, 1'000})->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
