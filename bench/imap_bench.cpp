// An IMAP folder of 100,000 messages, half of them \Seen: how long SELECT,
// SEARCH UNSEEN and FETCH 1:* (FLAGS) take on the server engine, output
// included. The target is "well under a second" each (issue 6).
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>
#include <variant>

#include "protocols/imap/server_session.hpp"
#include "protocols/mail/mail_store.hpp"

namespace {

using namespace netstage;

constexpr int messageCount = 100000;

const std::string& sampleMessage() {
    static const std::string text =
        "From: Alice <alice@crepes.fr>\r\nTo: bob@hamburger.edu\r\nSubject: bulk\r\n"
        "Date: Thu, 20 Feb 2020 10:00:00 +0000\r\nMessage-ID: <bulk@crepes.fr>\r\n\r\nDo you like ketchup?\r\n";
    return text;
}

// One store and one logged-in session, built once and shared by every benchmark.
struct BigMailbox {
    BigMailbox() {
        for (int i = 0; i < messageCount; ++i) {
            const auto uid = store.deliver("bob", sampleMessage(), i);
            if (i % 2 == 0) store.markSeen("bob", uid);
        }
        imap::ServerConfig config{"ready", [](std::string_view, std::string_view) { return true; }, store};
        session = std::make_unique<imap::ServerSession>(config);
        session->start(std::chrono::nanoseconds{0});
        run("a LOGIN bob hungry\r\nb SELECT INBOX\r\n");
    }
    // As a host does: the bytes to send, and the events (one per line sent) drained.
    std::string run(std::string_view command) {
        session->receive(command, std::chrono::nanoseconds{0});
        while (!std::holds_alternative<imap::server::NeedData>(session->nextEvent())) {
        }
        return session->takeOutput();
    }
    mail::MailStore store;
    std::unique_ptr<imap::ServerSession> session;
};

BigMailbox& mailbox() {
    static BigMailbox box;
    return box;
}

void command(benchmark::State& state, std::string_view text) {
    BigMailbox& box = mailbox();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string out = box.run(text);
        bytes += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["messages"] = messageCount;
}

void deliveries(benchmark::State& state) {
    for (auto _ : state) {
        mail::MailStore store;
        for (int i = 0; i < messageCount; ++i) store.deliver("bob", sampleMessage(), i);
        benchmark::DoNotOptimize(store.folder("bob", "INBOX"));
    }
    state.SetItemsProcessed(state.iterations() * messageCount);
}

BENCHMARK_CAPTURE(command, select, std::string_view{"s SELECT INBOX\r\n"})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(command, searchUnseen, std::string_view{"u SEARCH UNSEEN\r\n"})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(command, fetchAllFlags, std::string_view{"f FETCH 1:* (FLAGS)\r\n"})->Unit(benchmark::kMillisecond);
BENCHMARK(deliveries)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
