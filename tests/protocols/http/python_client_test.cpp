// A real client: Python's http.client talks to the server engine over a
// loopback socket, one persistent connection for a page, a HEAD, a 404, a
// 405, a chunked PUT and a last request with Connection: close.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <thread>

#include "tests/protocols/http/http_test_support.hpp"

using namespace netstage::http;
using namespace netstage::http::testing;

namespace {

const char* const script = R"(
import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
c.connect()
c.auto_open = 0  # a second connection would be a failure, not a retry
c.request("GET", "/")
r = c.getresponse(); print(r.status, r.getheader("Content-Type"), r.read().decode())
c.request("HEAD", "/logo.png")
r = c.getresponse(); print(r.status, r.getheader("Content-Length"), len(r.read()))
c.request("GET", "/nothing")
r = c.getresponse(); print(r.status, r.read().decode().strip())
c.request("POST", "/", body="to=bob")
r = c.getresponse(); print(r.status, r.getheader("Allow"), len(r.read()))
c.request("PUT", "/upload", body=iter([b"ab", b"cd"]), encode_chunked=True)
r = c.getresponse(); print(r.status, len(r.read()))
c.request("GET", "/style.css", headers={"Connection": "close"})
r = c.getresponse(); print(r.status, r.read().decode(), r.will_close)
)";

// Serves one accepted connection with the engine until it closes or the peer goes away.
void serve(int listener, ServerSession& server, ServerRun& run) {
    pollfd waiting{listener, POLLIN, 0};
    const int connection = poll(&waiting, 1, 10000) == 1 ? accept(listener, nullptr, nullptr) : -1;
    close(listener);
    if (connection < 0) return;
    server.start(std::chrono::nanoseconds{0});
    std::array<char, 4096> buffer{};
    while (!server.closed()) {
        pollfd ready{connection, POLLIN, 0};
        if (poll(&ready, 1, 10000) <= 0) break;
        const ssize_t n = recv(connection, buffer.data(), buffer.size(), 0);
        if (n <= 0) {
            server.receiveEof(std::chrono::nanoseconds{0});
        } else {
            server.receive(std::string_view{buffer.data(), static_cast<std::size_t>(n)}, std::chrono::nanoseconds{0});
        }
        drain(server, run);
        for (std::size_t sent = 0; sent < run.output.size();) {
            const ssize_t m = send(connection, run.output.data() + sent, run.output.size() - sent, MSG_NOSIGNAL);
            if (m <= 0) break;
            sent += static_cast<std::size_t>(m);
        }
        run.output.clear();
        if (n <= 0) break;
    }
    close(connection);
}

}  // namespace

TEST(HttpPythonClient, pythonsHttpClientGetsEveryAnswerOnOnePersistentConnection) {
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(listener, 1), 0);
    ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const int port = ntohs(address.sin_port);

    RecordingHandler handler;
    ServerSession server{handler};
    ServerRun run;
    std::thread thread{[&] { serve(listener, server, run); }};

    const std::string command = "python3 -c '" + std::string{script} + "' " + std::to_string(port) + " 2>&1";
    std::string printed;
    if (FILE* python = popen(command.c_str(), "r")) {
        std::array<char, 512> chunk{};
        while (fgets(chunk.data(), static_cast<int>(chunk.size()), python) != nullptr) printed += chunk.data();
        pclose(python);
    }
    thread.join();

    EXPECT_EQ(printed,
              "200 text/html <html>inbox</html>\n"
              "200 8 0\n"
              "404 No resource at /nothing.\n"
              "405 GET, HEAD 40\n"
              "404 24\n"
              "200 body{} True\n");
    ASSERT_EQ(handler.requests.size(), 6u);
    EXPECT_EQ(handler.requests[3].body, "to=bob");
    EXPECT_EQ(handler.requests[4].body, "abcd") << "the chunked body, decoded";
    EXPECT_TRUE(server.closed());
}
