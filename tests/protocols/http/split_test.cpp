// Both engines fed every fixture whole, byte by byte and split at every
// index give the same events and the same bytes.
#include <gtest/gtest.h>

#include "tests/protocols/http/http_test_support.hpp"

using namespace netstage::http;
using namespace netstage::http::testing;
using namespace std::chrono_literals;

namespace {

// Requests of every shape the server reads: pipelined, bodies by length and
// chunked with trailers, HEAD, 1.0 keep-alive, leading empty lines, bare LF,
// and ones it rejects at each stage.
const std::vector<std::string> serverFixtures{
    "GET / HTTP/1.1\r\nHost: crepes.fr\r\nUser-Agent: x\r\n\r\nGET /style.css HTTP/1.1\r\nHost: crepes.fr\r\n\r\n"
    "HEAD /logo.png HTTP/1.1\r\nHost: crepes.fr\r\n\r\nGET /missing HTTP/1.1\r\nHost: crepes.fr\r\n\r\n",
    "\r\nPOST /send HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nto=bob&x=1\nGET / HTTP/1.0\r\n"
    "Connection: keep-alive\r\n\r\nPUT /f HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n"
    "4;ext\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nChecksum: 1\r\nX: y\r\n\r\n"
    "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello, world\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(9000, 'x') + "\r\n\r\n",
    "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n",
};

// Responses of every shape the client reads, to these requests in order.
const std::vector<ClientRequest> clientRequests{
    {"GET", "/", {}, {}, false},      {"HEAD", "/logo.png", {}, {}, false}, {"GET", "/chunked", {}, {}, false},
    {"POST", "/send", {}, "to=bob", false}, {"GET", "/304", {}, {}, false},  {"GET", "/last", {}, {}, false},
};
const std::vector<std::string> clientFixtures{
    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Folded: one\r\n two\r\n\r\nhello"
    "HTTP/1.1 200 OK\r\nContent-Length: 900\r\n\r\n"
    "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4\r\nWiki\r\n5;e=1\r\npedia\r\n0\r\nT: 1\r\n\r\n"
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 303 See Other\r\nLocation: /\r\nContent-Length: 0\r\n\r\n"
    "HTTP/1.1 304 Not Modified\r\nContent-Length: 77\r\n\r\n"
    "HTTP/1.0 200 OK\r\n\r\nthe rest of the connection\r\nis the body",
    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "HTTP/2 200\r\n\r\n",
};

struct ClientRun {
    std::vector<std::string> events;
    std::string output;
    bool closed = false;
};

ClientRun runClient(const std::vector<std::string>& chunks, bool pipeline) {
    ClientConfig config;
    config.host = "crepes.fr";
    config.pipeline = pipeline;
    ClientSession client{config};
    ClientRun run;
    client.start(0s);
    for (const auto& request : clientRequests) client.request(request, 0s);
    for (const auto& chunk : chunks) {
        client.receive(chunk, 1s);
        for (auto& e : drain(client)) run.events.push_back(std::move(e));
        run.output += client.takeOutput();
    }
    client.receiveEof(2s);
    for (auto& e : drain(client)) run.events.push_back(std::move(e));
    run.output += client.takeOutput();
    run.closed = client.closed();
    return run;
}

template <typename Run, typename Feed>
void expectSplitInvariant(const std::string& fixture, Feed feed) {
    const Run whole = feed(cutAt(fixture, {}));
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < fixture.size(); ++i) everyByte.push_back(i);
    const Run bytewise = feed(cutAt(fixture, everyByte));
    EXPECT_EQ(bytewise.events, whole.events);
    EXPECT_EQ(bytewise.output, whole.output);
    for (std::size_t i = 0; i <= fixture.size(); ++i) {
        const Run split = feed(cutAt(fixture, {i}));
        ASSERT_EQ(split.events, whole.events) << "split at " << i;
        ASSERT_EQ(split.output, whole.output) << "split at " << i;
        ASSERT_EQ(split.closed, whole.closed) << "split at " << i;
    }
}

}  // namespace

TEST(HttpServerSplit, givesTheSameEventsAndBytesFedWholeByteByByteAndSplitAnywhere) {
    for (const std::string& fixture : serverFixtures) {
        SCOPED_TRACE(fixture.substr(0, 60));
        expectSplitInvariant<ServerRun>(fixture, [](const std::vector<std::string>& chunks) {
            return runServer(chunks, {}, true);
        });
    }
}

TEST(HttpServerSplit, theFixturesReachEveryKindOfAnswer) {
    const ServerRun mixed = runServer({serverFixtures[1]}, {}, true);
    EXPECT_EQ(mixed.events, (std::vector<std::string>{
                                "request POST /send HTTP/1.1 body=11", "response 404 Not Found body=22",
                                "request GET / HTTP/1.0 body=0", "response 200 OK body=18",
                                "request PUT /f HTTP/1.1 body=23 chunked [Checksum: 1] [X: y]",
                                "response 404 Not Found body=19", "request BREW /pot HTTP/1.1 body=0",
                                "response 501 Not Implemented body=41", "request GET / HTTP/1.1 body=0",
                                "response 200 OK body=18 close"}));
    EXPECT_EQ(mixed.bodies, (std::vector<std::string>{"to=bob&x=1\n", "", "Wikipedia in\r\n\r\nchunks.", ""}));
}

TEST(HttpClientSplit, givesTheSameEventsFedWholeByteByByteAndSplitAnywhere) {
    for (const bool pipeline : {false, true}) {
        for (const std::string& fixture : clientFixtures) {
            SCOPED_TRACE(fixture.substr(0, 60));
            expectSplitInvariant<ClientRun>(fixture, [pipeline](const std::vector<std::string>& chunks) {
                return runClient(chunks, pipeline);
            });
        }
    }
}

TEST(HttpClientSplit, theFirstFixtureReadsEveryKindOfBody) {
    const ClientRun run = runClient({clientFixtures[0]}, false);
    std::vector<std::string> responses;
    for (const auto& e : run.events) {
        if (e.rfind("sent ", 0) != 0) responses.push_back(e);
    }
    EXPECT_EQ(responses, (std::vector<std::string>{
                             "response GET / 200 OK body=hello",
                             "response HEAD /logo.png 200 OK body=",
                             "response GET /chunked 200 OK body=Wikipedia [T: 1]",
                             "interim 100 Continue",
                             "response POST /send 303 See Other body=",
                             "response GET /304 304 Not Modified body=",
                             "response GET /last 200 OK body=the rest of the connection\r\nis the body",
                         }));
    EXPECT_TRUE(run.closed);
}
