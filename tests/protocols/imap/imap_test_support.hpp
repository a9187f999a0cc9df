#pragma once
// Helpers shared by the IMAP tests: a server session on a store, driven one
// command at a time, and a client/server pair pumped in memory.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "protocols/imap/client_session.hpp"
#include "protocols/imap/imap_syntax.hpp"
#include "protocols/imap/server_session.hpp"
#include "protocols/mail/mail_store.hpp"

namespace netstage::imap::test {

using namespace std::chrono_literals;

inline bool acceptBob(std::string_view user, std::string_view password) {
    return (user == "bob" && password == "hungry") || (user == "alice" && password == "p@ss word");
}

inline ServerConfig configFor(mail::MailStore& store) {
    return ServerConfig{"NetStage IMAP ready", acceptBob, store};
}

inline std::string message(const std::string& subject, const std::string& from = "alice@crepes.fr",
                           const std::string& body = "Do you like ketchup?\r\n") {
    return "From: Alice <" + from + ">\r\nTo: bob@hamburger.edu\r\nSubject: " + subject +
           "\r\nDate: Thu, 20 Feb 2020 10:00:00 +0000\r\nMessage-ID: <" + subject + "@crepes.fr>\r\n\r\n" + body;
}

// A server session whose output is read back as lines after each command.
class Server {
public:
    explicit Server(mail::MailStore& store) : session{configFor(store)} {
        session.start(0ns);
        greeting = lines();
    }

    std::vector<std::string> send(const std::string& bytes, std::chrono::nanoseconds now = 0ns) {
        session.receive(bytes, now);
        return lines();
    }
    std::vector<std::string> lines() { return splitLines(session.takeOutput()); }
    std::vector<std::string> login() { return send("L1 LOGIN bob hungry\r\n"); }

    ServerSession session;
    std::vector<std::string> greeting;
};

inline bool contains(const std::vector<std::string>& lines, const std::string& line) {
    for (const auto& l : lines) {
        if (l == line) return true;
    }
    return false;
}

inline bool containsPrefix(const std::vector<std::string>& lines, const std::string& prefix) {
    for (const auto& l : lines) {
        if (l.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

// Pumps a client and a server against each other in memory until both are
// quiet, as a connection would: once the server is closed and its output
// delivered, the client sees the end of the stream.
// `chunk` splits every transfer into pieces of that many bytes (0: whole).
struct Pair {
    Pair(mail::MailStore& store, ClientConfig config) : server{configFor(store)}, client{std::move(config)} {
        server.start(0ns);
        client.start(0ns);
    }

    void pump(std::size_t chunk = 0) {
        drainServer();
        for (int rounds = 0; rounds < 100000; ++rounds) {
            const std::string toClient = server.takeOutput();
            feed(toClient, chunk, [&](std::string_view b) { client.receive(b, 0ns); });
            drainClient();
            const std::string toServer = client.takeOutput();
            if (toClient.empty() && toServer.empty()) break;
            feed(toServer, chunk, [&](std::string_view b) { server.receive(b, 0ns); });
            drainServer();
        }
        if (server.closed() && !client.closed()) {
            client.receiveEof(0ns);
            drainClient();
        }
    }

    template <typename Fn>
    static void feed(const std::string& bytes, std::size_t chunk, Fn fn) {
        if (chunk == 0) {
            if (!bytes.empty()) fn(bytes);
            return;
        }
        for (std::size_t i = 0; i < bytes.size(); i += chunk) fn(std::string_view{bytes}.substr(i, chunk));
    }

    void drainClient() {
        for (auto e = client.nextEvent(); !std::holds_alternative<client::NeedData>(e); e = client.nextEvent()) {
            if (auto* s = std::get_if<client::CommandSent>(&e)) transcript.push_back("C: " + s->line);
            clientEvents.push_back(std::move(e));
        }
    }

    void drainServer() {
        for (auto e = server.nextEvent(); !std::holds_alternative<server::NeedData>(e); e = server.nextEvent()) {
            if (auto* s = std::get_if<server::ResponseSent>(&e)) transcript.push_back("S: " + s->line);
            serverEvents.push_back(std::move(e));
        }
    }

    template <typename T>
    std::vector<T> clientEventsOf() const {
        std::vector<T> out;
        for (const auto& e : clientEvents) {
            if (auto* t = std::get_if<T>(&e)) out.push_back(*t);
        }
        return out;
    }

    ServerSession server;
    ClientSession client;
    std::vector<ClientEvent> clientEvents;
    std::vector<ServerEvent> serverEvents;
    std::vector<std::string> transcript;
};

}  // namespace netstage::imap::test
