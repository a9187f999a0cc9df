// The HTTP server engine fed arbitrary client bytes, with small limits so
// that every rejection (400, 411, 413, 414, 417, 431, 501, 505) is in reach.
// Oracle: every request the engine reads, and every one it cannot read,
// gets exactly one final response before the next request is read and
// before the engine goes idle; nothing throws; nothing is answered after
// the connection is closed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/http/server_session.hpp"
#include "protocols/http/static_site.hpp"
#include "protocols/http/wire.hpp"

namespace {

using namespace netstage;

// A page and its objects, an echo for bodies, and resources that close the
// connection or answer without content.
class FuzzHandler final : public http::RequestHandler {
public:
    FuzzHandler() {
        site_.add("/", "text/html", "<html><link href=\"/style.css\"><img src=\"/logo.png\"></html>");
        site_.add("/style.css", "text/css", "body{}");
    }
    http::Response handle(http::Request request) override {
        const std::string_view path = http::StaticSite::pathOf(request.target);
        if (path == "/echo") {
            http::Response response;
            response.body = std::move(request.body);
            return response;
        }
        if (path == "/close") {
            http::Response response = http::errorResponse(200, "bye");
            response.close = true;
            return response;
        }
        if (path == "/empty") {
            http::Response response;
            response.status = 204;
            return response;
        }
        return site_.handle(std::move(request));
    }

private:
    http::StaticSite site_;
};

// Exactly one final response per request: a count on each side, and the
// ledger for the order.
struct Answers {
    fuzz::ReplyLedger ledger;
    std::size_t requests = 0;
    std::size_t responses = 0;
};

void drain(http::ServerSession& session, Answers& answers, bool& closedBefore) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const http::ServerEvent event = session.nextEvent();
        if (std::holds_alternative<http::NeedData>(event)) {
            answers.ledger.idle();
            fuzz::require(answers.requests == answers.responses, "a request went unanswered");
            closedBefore = session.closed();
            return;
        }
        fuzz::require(!closedBefore, "an event after the connection was closed");
        if (std::holds_alternative<http::RequestReceived>(event)) {
            answers.ledger.command();
            ++answers.requests;
        }
        if (const auto* error = std::get_if<http::ProtocolError>(&event); error != nullptr && error->status != 0) {
            answers.ledger.command();  // a request the engine could not read: it answers it itself
            ++answers.requests;
        }
        if (std::holds_alternative<http::ResponseSent>(event)) {
            ++answers.responses;
            fuzz::require(answers.responses <= answers.requests, "a response with no request to answer");
            answers.ledger.reply();
        }
    }
    fuzz::require(false, "the HTTP server never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    FuzzHandler handler;
    http::ServerConfig config;
    config.maxRequestLine = 256;
    config.maxFieldLine = 256;
    config.maxHeaderSection = 1024;
    config.maxFields = 10;
    config.maxBody = 512;
    http::ServerSession session{handler, config};
    Answers answers;
    bool closedBefore = false;
    const auto drainIt = [&session, &answers, &closedBefore] { drain(session, answers, closedBefore); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
    fuzz::endTimedEngine(session, now, drainIt, fuzz::never);
    fuzz::require(session.closed(), "the HTTP server is still open after the timeout and EOF");
    return 0;
}
