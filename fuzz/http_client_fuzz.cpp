// The HTTP client engine asking for a page, the HEAD of an image, a POST and
// one more page, fed arbitrary server bytes; an input of even length
// pipelines the requests, an odd one waits for each response. Oracle: every
// request gets exactly one final word (a response or a failure), a HEAD
// response never has a body, nothing throws, and the session is closed
// after the timeout and EOF.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/http/client_session.hpp"

namespace {

using namespace netstage;

constexpr std::size_t requestCount = 4;

void drain(http::ClientSession& session, std::size_t& finalWords) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const http::client::ClientEvent event = session.nextEvent();
        if (std::holds_alternative<http::client::NeedData>(event)) return;
        if (const auto* response = std::get_if<http::client::ResponseReceived>(&event)) {
            ++finalWords;
            fuzz::require(response->method != "HEAD" || response->body.empty(), "a response to HEAD with a body");
        }
        if (std::holds_alternative<http::client::RequestFailed>(event)) ++finalWords;
        fuzz::require(finalWords <= requestCount, "more final words than requests");
    }
    fuzz::require(false, "the HTTP client never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    http::ClientConfig config;
    config.host = "crepes.fr";
    config.pipeline = size % 2 == 0;
    config.maxStatusLine = 256;
    config.maxFieldLine = 256;
    config.maxHeaderSection = 1024;
    config.maxFields = 10;
    config.maxBody = 512;
    http::ClientSession session{config};
    const std::chrono::nanoseconds start{0};
    http::ClientRequest page;
    session.request(page, start);
    http::ClientRequest head;
    head.method = "HEAD";
    head.target = "/logo.png";
    session.request(head, start);
    http::ClientRequest post;
    post.method = "POST";
    post.target = "/send";
    post.body = "to=bob&subject=ketchup";
    session.request(post, start);
    http::ClientRequest last;
    last.target = "/inbox";
    session.request(last, start);
    session.finish();

    std::size_t finalWords = 0;
    const auto drainIt = [&session, &finalWords] { drain(session, finalWords); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
    fuzz::endTimedEngine(session, now, drainIt, [&session] { return session.closed(); });
    fuzz::require(session.closed(), "the HTTP client is still open after the timeout and EOF");
    fuzz::require(finalWords == requestCount, "a request without a final word");
    return 0;
}
