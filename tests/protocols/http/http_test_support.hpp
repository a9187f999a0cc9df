#pragma once
// Shared helpers for the HTTP engine tests: events as one line each, a
// server run over chunks, a client run over chunks, a site to ask.

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "protocols/http/client_session.hpp"
#include "protocols/http/server_session.hpp"
#include "protocols/http/static_site.hpp"

namespace netstage::http::testing {

inline std::string describeFields(const HeaderFields& fields) {
    std::string out;
    for (const Field& field : fields) out += " [" + field.name + ": " + field.value + "]";
    return out;
}

inline std::string describe(const ServerEvent& event) {
    struct Visitor {
        std::string operator()(const NeedData&) const { return "NeedData"; }
        std::string operator()(const RequestReceived& e) const {
            return "request " + e.method + " " + e.target + " " + toString(e.version) + " body=" +
                   std::to_string(e.bodyLength) + (e.chunked ? " chunked" : "") + describeFields(e.trailers);
        }
        std::string operator()(const InterimResponseSent& e) const {
            return "interim " + std::to_string(e.status) + " " + e.reason;
        }
        std::string operator()(const ResponseSent& e) const {
            return "response " + std::to_string(e.status) + " " + e.reason + " body=" + std::to_string(e.bodyLength) +
                   (e.closing ? " close" : "");
        }
        std::string operator()(const ProtocolError& e) const {
            return "error " + std::to_string(e.status) + " " + e.reason;
        }
    };
    return std::visit(Visitor{}, event);
}

// Keeps every request it is asked (bodies included) and answers from a StaticSite.
class RecordingHandler final : public RequestHandler {
public:
    RecordingHandler() {
        site.add("/", "text/html", "<html>inbox</html>");
        site.add("/style.css", "text/css", "body{}");
        site.add("/logo.png", "image/png", std::string("\x89PNG\r\n\x1a\n", 8));
    }
    Response handle(Request request) override {
        requests.push_back(request);
        return site.handle(std::move(request));
    }
    StaticSite site;
    std::vector<Request> requests;
};

struct ServerRun {
    std::vector<std::string> events;
    std::string output;
    std::vector<std::string> bodies;  // of the requests the handler saw
    bool closed = false;
};

inline void drain(ServerSession& server, ServerRun& run) {
    for (;;) {
        ServerEvent event = server.nextEvent();
        if (std::holds_alternative<NeedData>(event)) break;
        run.events.push_back(describe(event));
    }
    run.output += server.takeOutput();
}

inline ServerRun runServer(const std::vector<std::string>& chunks, ServerConfig config = {}, bool eof = false) {
    RecordingHandler handler;
    ServerSession server{handler, std::move(config)};
    ServerRun run;
    server.start(std::chrono::nanoseconds{0});
    drain(server, run);
    for (const std::string& chunk : chunks) {
        server.receive(chunk, std::chrono::nanoseconds{0});
        drain(server, run);
    }
    if (eof) {
        server.receiveEof(std::chrono::nanoseconds{0});
        drain(server, run);
    }
    for (const Request& request : handler.requests) run.bodies.push_back(request.body);
    run.closed = server.closed();
    return run;
}

inline ServerRun runServer(const std::string& input, ServerConfig config = {}) {
    return runServer(std::vector<std::string>{input}, std::move(config));
}

// The input cut at each index in `cuts`.
inline std::vector<std::string> cutAt(const std::string& input, const std::vector<std::size_t>& cuts) {
    std::vector<std::string> chunks;
    std::size_t start = 0;
    for (const std::size_t cut : cuts) {
        chunks.push_back(input.substr(start, cut - start));
        start = cut;
    }
    chunks.push_back(input.substr(start));
    return chunks;
}

inline std::string describe(const client::ClientEvent& event) {
    struct Visitor {
        std::string operator()(const client::NeedData&) const { return "NeedData"; }
        std::string operator()(const client::RequestSent& e) const {
            return "sent " + e.method + " " + e.target + " body=" + std::to_string(e.bodyLength);
        }
        std::string operator()(const client::InterimResponseReceived& e) const {
            return "interim " + std::to_string(e.status) + " " + e.reason;
        }
        std::string operator()(const client::ResponseReceived& e) const {
            return "response " + e.method + " " + e.target + " " + std::to_string(e.status) + " " + e.reason +
                   " body=" + e.body + describeFields(e.trailers);
        }
        std::string operator()(const client::RequestFailed& e) const {
            return "failed " + e.method + " " + e.target + ": " + e.reason;
        }
        std::string operator()(const client::ProtocolError& e) const { return "error " + e.reason; }
    };
    return std::visit(Visitor{}, event);
}

inline std::vector<std::string> drain(ClientSession& client) {
    std::vector<std::string> out;
    for (;;) {
        client::ClientEvent event = client.nextEvent();
        if (std::holds_alternative<client::NeedData>(event)) break;
        out.push_back(describe(event));
    }
    return out;
}

}  // namespace netstage::http::testing
