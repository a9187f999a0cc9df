// The IMAP server engine (its command parser and every command) fed
// arbitrary client bytes, on a store with mail in it, while a second session
// of the same user sits in IDLE and so sees every change. Oracle: every
// command gets its tagged answer (BAD for a bad one), a "+" continuation
// (IDLE, AUTHENTICATE), or an untagged BAD when its tag cannot be read,
// before the next command is read; nothing throws, and both sessions go idle.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/imap/server_session.hpp"
#include "protocols/mail/mail_store.hpp"

namespace {

using namespace netstage;
using namespace std::chrono_literals;

bool acceptBob(std::string_view user, std::string_view password) { return user == "bob" && password == "hungry"; }

void drain(imap::ServerSession& session, fuzz::ReplyLedger* ledger = nullptr) {
    std::string tag;
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const imap::ServerEvent event = session.nextEvent();
        if (std::holds_alternative<imap::server::NeedData>(event)) {
            if (ledger != nullptr) ledger->idle();
            return;
        }
        if (ledger == nullptr) continue;
        if (const auto* command = std::get_if<imap::server::CommandReceived>(&event)) {
            ledger->command();
            tag = command->tag + " ";
        } else if (const auto* response = std::get_if<imap::server::ResponseSent>(&event)) {
            // Its tagged answer, a continuation, or, for a line whose tag cannot be read
            // ("A00* ..." or no tag at all), an untagged BAD.
            const std::string& line = response->line;
            if ((!tag.empty() && line.rfind(tag, 0) == 0) || line.rfind("+ ", 0) == 0 || line.rfind("* BAD ", 0) == 0) {
                ledger->reply();
            }
        }
    }
    fuzz::require(false, "the IMAP server never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    mail::MailStore store;
    store.deliver("bob",
                  "From: Alice <alice@crepes.fr>\r\nTo: bob@hamburger.edu\r\nSubject: ketchup\r\n"
                  "Date: Thu, 20 Feb 2020 10:00:00 +0000\r\n\r\nDo you like ketchup?\r\n",
                  1582192800);
    store.deliver("bob", "Subject: pickles\r\n\r\nHow about pickles?\r\n", 1582279200);
    // A MIME message, for BODYSTRUCTURE, numbered sections and SEARCH over decoded text.
    store.deliver("bob",
                  "Subject: =?utf-8?Q?Cr=C3=AApes?=\r\nMIME-Version: 1.0\r\n"
                  "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                  "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                  "caf=C3=A9\r\n--b\r\nContent-Type: application/octet-stream; name*=utf-8''%C3%A9.bin\r\n"
                  "Content-Transfer-Encoding: base64\r\n\r\nAAEC/w==\r\n"
                  "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nInner\r\n--b--\r\n",
                  1582365600);
    store.createFolder("bob", "Archive");

    imap::ServerConfig config{"NetStage IMAP ready", acceptBob, store};
    config.maxCommandLine = 4096;
    config.maxLiteral = 4096;
    imap::ServerSession watcher{config};
    watcher.start(0s);
    watcher.receive("w1 LOGIN bob hungry\r\nw2 SELECT INBOX\r\nw3 IDLE\r\n", 0s);
    drain(watcher);
    watcher.takeOutput();

    imap::ServerSession session{config};
    fuzz::ReplyLedger ledger;
    std::chrono::nanoseconds now{0};
    session.start(now);
    drain(session, &ledger);
    while (!input.done() && !session.closed()) {
        now += 1s;
        session.receive(input.next(), now);
        drain(session, &ledger);
        session.takeOutput();
        drain(watcher);
        watcher.takeOutput();
    }
    if (const auto deadline = session.nextTimeout()) {
        session.handleTimeout(*deadline);
        drain(session, &ledger);
    }
    session.receiveEof(now);
    drain(session, &ledger);
    drain(watcher);
    return 0;
}
