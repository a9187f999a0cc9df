// Client and server engines pumped against each other in memory.
#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/http/http_test_support.hpp"

using namespace netstage::http;
using namespace netstage::http::testing;
using namespace std::chrono_literals;

namespace {

struct Pair {
    std::vector<std::string> serverEvents;
    std::vector<std::string> clientEvents;
};

Pair pump(ServerSession& server, ClientSession& client) {
    Pair out;
    for (int round = 0; round < 1000; ++round) {
        const std::string toServer = client.takeOutput();
        if (!toServer.empty()) server.receive(toServer, 1ms);
        const std::string toClient = server.takeOutput();
        if (!toClient.empty()) client.receive(toClient, 1ms);
        if (server.closed() && !client.closed()) client.receiveEof(1ms);
        if (toClient.empty() && toServer.empty()) break;
    }
    for (auto e = server.nextEvent(); !netstage::proto::isNeedData(e); e = server.nextEvent()) out.serverEvents.push_back(describe(e));
    out.clientEvents = drain(client);
    return out;
}

}  // namespace

TEST(HttpEnginePair, aPageAndTheObjectsItReferencesComeInResponsesOfTheirOwnOnOneConnection) {
    for (const bool pipeline : {false, true}) {
        RecordingHandler handler;
        ServerSession server{handler};
        ClientConfig config;
        config.host = "crepes.fr";
        config.pipeline = pipeline;
        ClientSession client{config};
        server.start(0s);
        client.start(0s);
        for (const char* target : {"/", "/style.css", "/logo.png", "/nothing"}) {
            ClientRequest request;
            request.target = target;
            client.request(request, 0s);
        }
        client.finish();
        const Pair run = pump(server, client);
        const std::vector<std::string> responses{
            "response GET / 200 OK body=<html>inbox</html>", "response GET /style.css 200 OK body=body{}",
            "response GET /logo.png 200 OK body=" + std::string("\x89PNG\r\n\x1a\n", 8),
            "response GET /nothing 404 Not Found body=No resource at /nothing.\n"};
        const std::vector<std::string> sent{"sent GET / body=0", "sent GET /style.css body=0",
                                            "sent GET /logo.png body=0", "sent GET /nothing body=0"};
        std::vector<std::string> expected;
        if (pipeline) {
            // Every request goes out at once; the responses come back in the same order.
            expected = sent;
            expected.insert(expected.end(), responses.begin(), responses.end());
        } else {
            for (std::size_t i = 0; i < sent.size(); ++i) {
                expected.push_back(sent[i]);
                expected.push_back(responses[i]);
            }
        }
        EXPECT_EQ(run.clientEvents, expected)
            << "pipeline " << pipeline;
        EXPECT_TRUE(client.closed());
        EXPECT_FALSE(server.closed()) << "the connection stays open until the client closes it";
    }
}

TEST(HttpEnginePair, aPostBodyArrivesWholeAndConnectionCloseEndsBothSides) {
    RecordingHandler handler;
    ServerSession server{handler};
    ClientConfig config;
    config.host = "crepes.fr";
    ClientSession client{config};
    server.start(0s);
    client.start(0s);
    ClientRequest post;
    post.method = "POST";
    post.target = "/";
    post.body = std::string(100000, 'm');
    post.close = true;
    client.request(post, 0s);
    const Pair run = pump(server, client);
    ASSERT_EQ(handler.requests.size(), 1u);
    EXPECT_EQ(handler.requests[0].body, post.body);
    EXPECT_EQ(run.serverEvents.back(), "response 405 Method Not Allowed body=40 close");
    EXPECT_TRUE(server.closed());
    EXPECT_TRUE(client.closed());
}
