#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/http/http_test_support.hpp"

using namespace netstage::http;
using namespace netstage::http::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::Engine<ServerSession>, "the HTTP server meets the one engine API");

namespace {

const std::string getRoot = "GET / HTTP/1.1\r\nHost: crepes.fr\r\n\r\n";

// The status codes of the responses in `output`, in order (no fixture's body holds "HTTP/1.1 ").
std::vector<int> statuses(const std::string& output) {
    std::vector<int> out;
    for (std::size_t at = output.find("HTTP/1.1 "); at != std::string::npos; at = output.find("HTTP/1.1 ", at + 9)) {
        out.push_back(std::stoi(output.substr(at + 9, 3)));
    }
    return out;
}

ServerRun runOne(const std::string& input, ServerConfig config = {}) { return runServer(input, std::move(config)); }

void expectRejected(const std::string& input, int status, ServerConfig config = {}) {
    const ServerRun run = runOne(input, std::move(config));
    ASSERT_FALSE(run.events.empty()) << input;
    EXPECT_EQ(run.events.front().rfind("error " + std::to_string(status), 0), 0u) << run.events.front();
    EXPECT_EQ(run.output.rfind("HTTP/1.1 " + std::to_string(status) + " ", 0), 0u) << run.output;
    EXPECT_NE(run.output.find("Connection: close\r\n"), std::string::npos);
    EXPECT_TRUE(run.closed);
    EXPECT_TRUE(run.bodies.empty()) << "the handler is never asked about a request that cannot be read";
}

}  // namespace

TEST(HttpServer, answersAGetWithTheResourceAndKeepsTheConnection) {
    const ServerRun run = runOne(getRoot);
    EXPECT_EQ(run.output,
              "HTTP/1.1 200 OK\r\nServer: NetStage\r\nContent-Type: text/html\r\nContent-Length: 18\r\n\r\n"
              "<html>inbox</html>");
    EXPECT_EQ(run.events, (std::vector<std::string>{"request GET / HTTP/1.1 body=0", "response 200 OK body=18"}));
    EXPECT_FALSE(run.closed);
}

TEST(HttpServer, saysNothingFirstAndStaysIdleUntilARequestComes) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    EXPECT_EQ(server.takeOutput(), "");
    EXPECT_EQ(server.state(), ServerState::Idle);
    server.receive("GE", 1s);
    EXPECT_EQ(server.state(), ServerState::ReadingHead);
}

TEST(HttpServer, answersPipelinedRequestsInTheOrderTheyCame) {
    const ServerRun run = runOne("GET /style.css HTTP/1.1\r\nHost: a\r\n\r\nGET /nothing HTTP/1.1\r\nHost: a\r\n\r\n"
                                 "HEAD /logo.png HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(run.events, (std::vector<std::string>{
                              "request GET /style.css HTTP/1.1 body=0", "response 200 OK body=6",
                              "request GET /nothing HTTP/1.1 body=0", "response 404 Not Found body=25",
                              "request HEAD /logo.png HTTP/1.1 body=0", "response 200 OK body=0",
                              "request GET / HTTP/1.1 body=0", "response 200 OK body=18"}));
    EXPECT_EQ(statuses(run.output), (std::vector<int>{200, 404, 200, 200}));
    EXPECT_FALSE(run.closed);
}

TEST(HttpServer, answersHeadWithTheLengthButNotTheBody) {
    const ServerRun run = runOne("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(run.output, "HTTP/1.1 200 OK\r\nServer: NetStage\r\nContent-Type: text/html\r\nContent-Length: 18\r\n\r\n");
}

TEST(HttpServer, closesAfterConnectionCloseAndReadsNothingAfterIt) {
    const ServerRun run = runOne("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + getRoot);
    EXPECT_EQ(run.events, (std::vector<std::string>{"request GET / HTTP/1.1 body=0", "response 200 OK body=18 close"}));
    EXPECT_NE(run.output.find("Connection: close\r\n"), std::string::npos);
    EXPECT_EQ(run.bodies.size(), 1u) << "the pipelined request after it is never read";
    EXPECT_TRUE(run.closed);
}

TEST(HttpServer, closesAfterAnHttp10RequestUnlessItAsksForKeepAlive) {
    const ServerRun plain = runOne("GET / HTTP/1.0\r\n\r\n" + getRoot);
    EXPECT_EQ(plain.events, (std::vector<std::string>{"request GET / HTTP/1.0 body=0", "response 200 OK body=18 close"}));
    EXPECT_TRUE(plain.closed);

    const ServerRun kept = runOne("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + getRoot);
    EXPECT_EQ(kept.events.size(), 4u);
    EXPECT_NE(kept.output.find("Connection: keep-alive\r\n"), std::string::npos);
    EXPECT_FALSE(kept.closed);
}

TEST(HttpServer, readsAContentLengthBodyAndTheRestAsTheNextRequest) {
    const ServerRun run = runOne("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello" + getRoot);
    EXPECT_EQ(run.bodies, (std::vector<std::string>{"hello", ""}));
    EXPECT_EQ(run.events, (std::vector<std::string>{
                              "request POST / HTTP/1.1 body=5", "response 405 Method Not Allowed body=40",
                              "request GET / HTTP/1.1 body=0", "response 200 OK body=18"}));
    EXPECT_NE(run.output.find("Allow: GET, HEAD\r\n"), std::string::npos);
}

TEST(HttpServer, aBodyLongerThanItsContentLengthIsReadAsTheNextRequestWhichIsBad) {
    const ServerRun run = runOne("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello, world\r\n\r\n");
    EXPECT_EQ(run.bodies, (std::vector<std::string>{"hello"}));
    ASSERT_EQ(run.events.size(), 4u);
    EXPECT_EQ(run.events[2], "error 400 request line is not method, target and version");
    EXPECT_EQ(statuses(run.output), (std::vector<int>{405, 400}));
    EXPECT_TRUE(run.closed);
}

TEST(HttpServer, readsAChunkedBodyWithExtensionsAndTrailers) {
    const ServerRun run = runOne(
        "PUT /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nChecksum: 42\r\n\r\n" +
        getRoot);
    EXPECT_EQ(run.bodies, (std::vector<std::string>{"hello, world", ""}));
    EXPECT_EQ(run.events.front(), "request PUT /upload HTTP/1.1 body=12 chunked [Checksum: 42]");
    EXPECT_EQ(statuses(run.output), (std::vector<int>{404, 200}));
}

TEST(HttpServer, ignoresEmptyLinesBeforeARequestLine) {
    const ServerRun run = runOne("\r\n\r\n" + getRoot);
    EXPECT_EQ(statuses(run.output), (std::vector<int>{200}));
}

TEST(HttpServer, acceptsLineEndingsOfLfAlone) {
    const ServerRun run = runOne("GET / HTTP/1.1\nHost: a\n\n");
    EXPECT_EQ(statuses(run.output), (std::vector<int>{200}));
}

TEST(HttpServer, acceptsAnAbsoluteFormTargetAndAHigherMinorVersion) {
    const ServerRun run = runOne("GET http://crepes.fr/style.css?x=1 HTTP/1.7\r\nHost: crepes.fr\r\n\r\n");
    EXPECT_EQ(run.events.front(), "request GET http://crepes.fr/style.css?x=1 HTTP/1.1 body=0");
    EXPECT_EQ(statuses(run.output), (std::vector<int>{200}));
}

TEST(HttpServer, fieldNamesAreCaseInsensitive) {
    const ServerRun run = runOne("POST / HTTP/1.1\r\nhOsT: a\r\ncontent-LENGTH: 2\r\nCONNECTION: Close\r\n\r\nhi");
    EXPECT_EQ(run.bodies, (std::vector<std::string>{"hi"}));
    EXPECT_TRUE(run.closed);
}

TEST(HttpServer, sendsOneHundredContinueWhenAskedBeforeTheBody) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    server.receive("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 1s);
    EXPECT_EQ(server.takeOutput(), "HTTP/1.1 100 Continue\r\n\r\n");
    server.receive("abc", 2s);
    EXPECT_EQ(statuses(server.takeOutput()), (std::vector<int>{405}));
    ASSERT_EQ(handler.requests.size(), 1u);
    EXPECT_EQ(handler.requests[0].body, "abc");
}

TEST(HttpServer, rejectsMalformedRequestLinesWith400) {
    for (const std::string line : {"GET /\r\n", "GET  / HTTP/1.1\r\n", "GET / HTTP/1.1 \r\n", "G(T / HTTP/1.1\r\n",
                                   "GET / http/1.1\r\n", "GET / HTTP/1.10\r\n", "GET index.html HTTP/1.1\r\n",
                                   "GET /a#frag HTTP/1.1\r\n", "GET /\x01 HTTP/1.1\r\n", "GET / HTTP/1.1\r\r\n",
                                   "OPTIONS * HTTP/1.1x\r\n", "\x16\x03\x01\x02\x00\x01\x00\r\n"}) {
        SCOPED_TRACE(line);
        expectRejected(line + "Host: a\r\n\r\n", 400);
    }
}

TEST(HttpServer, rejectsBadHeaderSectionsWith400) {
    for (const std::string head : {
             "GET / HTTP/1.1\r\n\r\n",                                        // no Host in 1.1
             "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",                  // two Hosts
             "GET / HTTP/1.1\r\nHost : a\r\n\r\n",                            // space before the colon
             "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n",      // obs-fold
             "GET / HTTP/1.1\r\nHost: a\r\nNo colon\r\n\r\n",
             "GET / HTTP/1.1\r\nHost: a\r\nX: a\x01z\r\n\r\n",               // a control character
             "GET / HTTP/1.1\r\nHost: a\r\nX: a\rz\r\n\r\n",                 // a bare CR
             "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
             "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n",
             "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
             "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
             "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
             "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         }) {
        SCOPED_TRACE(head);
        expectRejected(head, 400);
    }
}

TEST(HttpServer, rejectsBadChunkedFramingWith400) {
    for (const std::string body : {"x\r\n", "5\r\nhello!\r\n0\r\n\r\n", "5 junk\r\nhello\r\n0\r\n\r\n",
                                   "0\r\nbad trailer\r\n\r\n", "0\r\n folded\r\n\r\n"}) {
        SCOPED_TRACE(body);
        const ServerRun run = runOne("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
        ASSERT_FALSE(run.events.empty());
        EXPECT_EQ(run.events.front().rfind("error 400", 0), 0u) << run.events.front();
        EXPECT_EQ(statuses(run.output), (std::vector<int>{400}));
        EXPECT_TRUE(run.closed);
    }
}

TEST(HttpServer, answersAnUnknownMethodWith501AndKeepsTheConnection) {
    const ServerRun run = runOne("BREW /pot HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nteaGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(run.events, (std::vector<std::string>{"request BREW /pot HTTP/1.1 body=3",
                                                    "response 501 Not Implemented body=41",
                                                    "request GET / HTTP/1.1 body=0", "response 200 OK body=18"}));
    EXPECT_EQ(run.bodies, (std::vector<std::string>{""})) << "the handler only sees the GET";
    EXPECT_FALSE(run.closed);
}

TEST(HttpServer, answersAnUnknownTransferCodingWith501) {
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
}

TEST(HttpServer, answersAnotherMajorVersionWith505) {
    expectRejected("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505);
    expectRejected("GET / HTTP/0.9\r\n\r\n", 505);
}

TEST(HttpServer, answersAPostWithoutLengthWith411) {
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\n\r\n", 411);
    ServerConfig lenient;
    lenient.requireLengthForPostAndPut = false;
    EXPECT_EQ(statuses(runOne("POST / HTTP/1.1\r\nHost: a\r\n\r\n", lenient).output), (std::vector<int>{405}));
}

TEST(HttpServer, answersABodyOverTheLimitWith413) {
    ServerConfig small;
    small.maxBody = 10;
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", 413, small);
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413);
    const ServerRun chunked =
        runOne("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello,\r\n6\r\n", small);
    EXPECT_EQ(chunked.events.front().rfind("error 413", 0), 0u);
    EXPECT_TRUE(chunked.closed);
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n", 413, small);
}

TEST(HttpServer, answersATargetOverTheLineLimitWith414AndAnyOtherLongLineWith400) {
    expectRejected("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", 414);
    expectRejected(std::string(9000, 'G') + " / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
}

TEST(HttpServer, answersHugeHeadersWith431) {
    expectRejected("GET / HTTP/1.1\r\nHost: a\r\nCookie: " + std::string(9000, 'c') + "\r\n\r\n", 431);
    std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": y\r\n";
    expectRejected(many + "\r\n", 431);
    std::string big = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 9; ++i) big += "X-" + std::to_string(i) + ": " + std::string(8000, 'v') + "\r\n";
    expectRejected(big + "\r\n", 431);
}

TEST(HttpServer, answersAnUnknownExpectationWith417) {
    expectRejected("POST / HTTP/1.1\r\nHost: a\r\nExpect: tea\r\nContent-Length: 1\r\n\r\nx", 417);
}

TEST(HttpServer, closesAnIdleConnectionWithoutAWord) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    server.receive(getRoot, 1s);
    server.takeOutput();
    while (!netstage::proto::isNeedData(server.nextEvent())) {
    }
    EXPECT_EQ(server.nextTimeout(), 61s);
    server.handleTimeout(60s);
    EXPECT_FALSE(server.closed());
    server.handleTimeout(61s);
    EXPECT_TRUE(server.closed());
    EXPECT_EQ(server.takeOutput(), "");
    EXPECT_EQ(describe(server.nextEvent()), "error 0 idle connection timed out");
}

TEST(HttpServer, answersASlowClientWith408EvenIfItKeepsTrickling) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    std::chrono::nanoseconds now = 0s;
    for (const char c : std::string{"GET / HTTP/1.1\r\nHost: a\r\nX: "}) {
        now += 5s;
        server.receive(std::string(1, c), now);
        server.handleTimeout(now);
        if (server.closed()) break;
    }
    EXPECT_TRUE(server.closed());
    EXPECT_LE(now, 35s);
    EXPECT_EQ(statuses(server.takeOutput()), (std::vector<int>{408}));
    EXPECT_EQ(describe(server.nextEvent()), "error 408 request head not complete in time");
}

TEST(HttpServer, closesAClientSendingOnlyEmptyLinesWithoutAResponse) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    std::chrono::nanoseconds now = 0s;
    while (!server.closed() && now < 120s) {
        now += 5s;
        server.receive("\r\n", now);
        server.handleTimeout(now);
    }
    EXPECT_TRUE(server.closed());
    EXPECT_EQ(now, 35s) << "the head's clock runs from the first empty line";
    EXPECT_EQ(server.takeOutput(), "");
    EXPECT_EQ(describe(server.nextEvent()), "error 0 only empty lines, no request in time");
}

TEST(HttpServer, answersAStalledBodyWith408) {
    RecordingHandler handler;
    ServerSession server{handler};
    server.start(0s);
    server.receive("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc", 1s);
    EXPECT_EQ(server.nextTimeout(), 31s);
    server.handleTimeout(31s);
    EXPECT_TRUE(server.closed());
    EXPECT_EQ(statuses(server.takeOutput()), (std::vector<int>{408}));
}

TEST(HttpServer, reportsAnEofInsideARequestAndClosesQuietlyAtAnEofBetweenThem) {
    const ServerRun inside = runServer({"GET / HTTP/1.1\r\nHost"}, {}, true);
    EXPECT_EQ(inside.events, (std::vector<std::string>{"error 0 connection closed inside a request"}));
    EXPECT_EQ(inside.output, "");
    EXPECT_TRUE(inside.closed);
    const ServerRun between = runServer({getRoot}, {}, true);
    EXPECT_EQ(between.events.size(), 2u);
    EXPECT_TRUE(between.closed);
}

TEST(HttpServer, refusesAHandlerThatSetsTheFramingItself) {
    struct Framing final : RequestHandler {
        Response handle(Request) override {
            Response r;
            r.headers.add("Content-Length", "3");
            return r;
        }
    } handler;
    ServerSession server{handler};
    server.start(0s);
    EXPECT_THROW(server.receive(getRoot, 0s), std::logic_error);
}

TEST(HttpServer, sendsNoContentLengthFor204And304) {
    struct Empty final : RequestHandler {
        Response handle(Request request) override {
            Response r;
            r.status = request.target == "/a" ? 204 : 304;
            return r;
        }
    } handler;
    ServerSession server{handler};
    server.start(0s);
    server.receive("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n", 0s);
    EXPECT_EQ(server.takeOutput(),
              "HTTP/1.1 204 No Content\r\nServer: NetStage\r\n\r\nHTTP/1.1 304 Not Modified\r\nServer: NetStage\r\n\r\n");
}
