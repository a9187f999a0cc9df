#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/http/http_test_support.hpp"

using namespace netstage::http;
using namespace netstage::http::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::Engine<ClientSession>, "the HTTP client meets the one engine API");

namespace {

ClientConfig config(bool pipeline = false) {
    ClientConfig c;
    c.host = "crepes.fr";
    c.pipeline = pipeline;
    return c;
}

ClientRequest get(std::string target) {
    ClientRequest r;
    r.target = std::move(target);
    return r;
}

}  // namespace

TEST(HttpClient, writesARequestWithHostUserAgentAndLength) {
    ClientSession client{config()};
    client.start(0s);
    ClientRequest post;
    post.method = "POST";
    post.target = "/send";
    post.headers.add("Content-Type", "application/x-www-form-urlencoded");
    post.body = "to=bob";
    client.request(post, 0s);
    EXPECT_EQ(client.takeOutput(),
              "POST /send HTTP/1.1\r\nHost: crepes.fr\r\nUser-Agent: NetStage\r\n"
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\nto=bob");
    EXPECT_EQ(drain(client), (std::vector<std::string>{"sent POST /send body=6"}));
    EXPECT_EQ(client.state(), ClientState::AwaitResponse);
}

TEST(HttpClient, waitsForEachResponseBeforeTheNextRequestUnlessPipelining) {
    ClientSession oneByOne{config()};
    oneByOne.start(0s);
    oneByOne.request(get("/"), 0s);
    oneByOne.request(get("/style.css"), 0s);
    EXPECT_EQ(oneByOne.takeOutput(), "GET / HTTP/1.1\r\nHost: crepes.fr\r\nUser-Agent: NetStage\r\n\r\n");
    oneByOne.receive("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi", 1s);
    EXPECT_EQ(oneByOne.takeOutput(), "GET /style.css HTTP/1.1\r\nHost: crepes.fr\r\nUser-Agent: NetStage\r\n\r\n");

    ClientSession pipelined{config(true)};
    pipelined.start(0s);
    pipelined.request(get("/"), 0s);
    pipelined.request(get("/style.css"), 0s);
    EXPECT_EQ(pipelined.outstanding(), 2u);
    pipelined.receive("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 1s);
    EXPECT_EQ(drain(pipelined), (std::vector<std::string>{"sent GET / body=0", "sent GET /style.css body=0",
                                                          "response GET / 200 OK body=hi",
                                                          "response GET /style.css 404 Not Found body="}));
    EXPECT_EQ(pipelined.state(), ClientState::Idle);
}

TEST(HttpClient, failsTheRestWhenTheServerClosesAfterAResponse) {
    ClientSession client{config(true)};
    client.start(0s);
    client.request(get("/a"), 0s);
    client.request(get("/b"), 0s);
    drain(client);
    client.receive("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 1s);
    EXPECT_EQ(drain(client), (std::vector<std::string>{"response GET /a 200 OK body=",
                                                       "failed GET /b: the server closed the connection"}));
    EXPECT_TRUE(client.closed());
}

TEST(HttpClient, reportsAnEofBeforeTheResponseEnds) {
    ClientSession client{config()};
    client.start(0s);
    client.request(get("/"), 0s);
    drain(client);
    client.receive("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 1s);
    client.receiveEof(2s);
    EXPECT_EQ(drain(client), (std::vector<std::string>{"error connection closed before the response was complete",
                                                       "failed GET /: connection closed before the response was complete"}));
    EXPECT_TRUE(client.closed());
}

TEST(HttpClient, givesUpWhenTheServerSaysNothingInTime) {
    ClientSession client{config()};
    client.start(0s);
    EXPECT_EQ(client.nextTimeout(), std::nullopt);
    client.request(get("/"), 5s);
    EXPECT_EQ(client.nextTimeout(), 35s);
    client.handleTimeout(35s);
    EXPECT_TRUE(client.closed());
    EXPECT_EQ(drain(client).back(), "failed GET /: no response in time");
}

TEST(HttpClient, treatsBytesWithNoRequestOutstandingAsAnError) {
    ClientSession client{config()};
    client.start(0s);
    client.receive("HTTP/1.1 408 Request Timeout\r\n\r\n", 1s);
    EXPECT_EQ(drain(client).front(), "error the server sent a response with no request outstanding");
    EXPECT_TRUE(client.closed());
}

TEST(HttpClient, closesOnceFinishedAndEverythingIsAnswered) {
    ClientSession client{config()};
    client.start(0s);
    client.request(get("/"), 0s);
    client.finish();
    EXPECT_FALSE(client.closed());
    client.receive("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1s);
    EXPECT_TRUE(client.closed());
}

TEST(HttpClient, refusesResponseBodiesOverItsLimit) {
    ClientConfig small = config();
    small.maxBody = 4;
    ClientSession client{small};
    client.start(0s);
    client.request(get("/"), 0s);
    client.receive("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", 1s);
    EXPECT_TRUE(client.closed());
    EXPECT_EQ(drain(client)[1], "error response body longer than 4 octets");
}

TEST(HttpClient, ownsTheFramingFields) {
    ClientSession client{config()};
    ClientRequest bad = get("/");
    bad.headers.add("content-length", "3");
    EXPECT_THROW(client.request(bad, 0s), std::logic_error);
}
