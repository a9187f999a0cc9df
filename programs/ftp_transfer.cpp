// The ftp console's transfers: each on its own data connection, which the
// client opens to the address a 227 names (passive) or the server opens to
// a port the client listens on and names with PORT (active).
#include <cstdio>

#include "programs/ftp_console.hpp"
#include "programs/terminal_words.hpp"
#include "protocols/ftp/address.hpp"
#include "protocols/ftp/transfer_format.hpp"

namespace netstage::programs {

namespace {

std::string rate(std::size_t bytes, Time elapsed) {
    const double seconds = static_cast<double>(elapsed.nanoseconds()) / 1e9;
    char text[96];
    if (seconds <= 0) {
        std::snprintf(text, sizeof text, " in 0.00 secs");
    } else {
        std::snprintf(text, sizeof text, " in %.2f secs (%.1f kB/s)", seconds, static_cast<double>(bytes) / 1000.0 / seconds);
    }
    return text;
}

std::string baseName(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void FtpConsole::list(const std::vector<std::string>& args, const std::string& verb) {
    if (args.size() > 1) {
        print("usage: " + lowercase(verb == "NLST" ? "nlist" : "ls") + " [REMOTE-DIRECTORY]\n");
        return;
    }
    Transfer transfer;
    transfer.kind = Transfer::Kind::List;
    transfer.command = args.empty() ? verb : verb + " " + args[0];
    startTransfer(std::move(transfer));
}

void FtpConsole::get(const std::vector<std::string>& args) {
    if (args.empty() || args.size() > 2) {
        print("usage: get REMOTE-FILE [LOCAL-FILE]\n");
        return;
    }
    Transfer transfer;
    transfer.kind = Transfer::Kind::Get;
    transfer.local = args.size() == 2 ? args[1] : baseName(args[0]);
    if (!LocalFiles::validName(transfer.local)) {
        print("local: " + shortened(transfer.local) + ": not a file name here (one name, no '/')\n");
        return;
    }
    print("local: " + transfer.local + " remote: " + args[0] + "\n");
    transfer.command = "RETR " + args[0];
    startTransfer(std::move(transfer));
}

void FtpConsole::put(const std::vector<std::string>& args) {
    if (args.empty() || args.size() > 2) {
        print("usage: put LOCAL-FILE [REMOTE-FILE]\n");
        return;
    }
    const auto content = host().files().read(args[0]);
    if (!content) {
        print("local: " + shortened(args[0]) + ": No such file (this host's files: the terminal's ls)\n");
        return;
    }
    Transfer transfer;
    transfer.kind = Transfer::Kind::Put;
    transfer.local = args[0];
    const std::string remote = args.size() == 2 ? args[1] : args[0];
    print("local: " + transfer.local + " remote: " + remote + "\n");
    transfer.payload = binary_ ? *content : ftp::toNetworkAscii(*content);
    transfer.command = "STOR " + remote;
    startTransfer(std::move(transfer));
}

void FtpConsole::startTransfer(Transfer transfer) {
    transfer.started = now();
    transfer_ = std::move(transfer);
    if (passive_) {
        command("PASV", [this](const ftp::Reply& reply) { openPassive(reply); });
        return;
    }
    const std::uint16_t port = host().freePort();
    transfer_->data = own(host().listen(port, dataEvents()));
    const std::uint32_t address = host().address().value();
    ftp::HostPort here;
    here.address = {static_cast<std::uint8_t>(address >> 24), static_cast<std::uint8_t>(address >> 16),
                    static_cast<std::uint8_t>(address >> 8), static_cast<std::uint8_t>(address)};
    here.port = port;
    command("PORT " + ftp::formatHostPort(here), [this](const ftp::Reply& reply) { dataSetupReply(reply); });
}

void FtpConsole::dataSetupReply(const ftp::Reply& reply) {
    if (!transfer_ || reply.preliminary()) return;
    if (reply.code != 200) {
        endTransfer();
        return;
    }
    sendTransferCommand();
}

void FtpConsole::openPassive(const ftp::Reply& reply) {
    if (!transfer_ || reply.preliminary()) return;
    if (reply.code != 227) {
        print("Passive mode refused.\n");
        endTransfer();
        return;
    }
    const auto where = ftp::parse227(reply.text());
    if (!where) {
        print("ftp: the 227 reply names no address and port\n");
        endTransfer();
        return;
    }
    const Ipv4Address address{where->address[0], where->address[1], where->address[2], where->address[3]};
    transfer_->data = own(host().connect(Endpoint{address, where->port}, dataEvents()));
}

ConnectionEvents FtpConsole::dataEvents() {
    ConnectionEvents events;
    events.connected = [this] {
        if (done() || !transfer_) return;
        transfer_->dataConnected = true;
        if (passive_ && !transfer_->commandSent) sendTransferCommand();
        upload();
        settle();
    };
    events.received = [this](std::string_view bytes) {
        if (done() || !transfer_) return;
        if (transfer_->kind == Transfer::Kind::List) {
            print(displayText(bytes));
        } else {
            transfer_->received += bytes;
        }
        settle();
    };
    events.peerClosed = [this] {
        if (done() || !transfer_ || !transfer_->dataConnected) return;
        transfer_->dataDone = true;
        maybeCompleteTransfer();
        settle();
    };
    events.ended = [this](const std::string& outcome) {
        if (done() || !transfer_) return;
        if (!transfer_->dataConnected) {
            print(std::string{"ftp: connect: "} +
                  (outcome.starts_with("refused") ? std::string{"Connection refused"} : outcome) + "\n");
            // No data connection: the server's reply to the command, if one was sent, still ends the transfer.
            if (!transfer_->commandSent) {
                endTransfer();
                settle();
                return;
            }
        }
        transfer_->dataDone = true;
        maybeCompleteTransfer();
        settle();
    };
    return events;
}

void FtpConsole::sendTransferCommand() {
    transfer_->commandSent = true;
    command(transfer_->command, [this](const ftp::Reply& reply) { transferReply(reply); });
}

void FtpConsole::transferReply(const ftp::Reply& reply) {
    if (!transfer_) return;
    if (reply.preliminary()) {
        upload();
        return;
    }
    transfer_->final = reply;
    if (!reply.positive()) {
        endTransfer();
        return;
    }
    maybeCompleteTransfer();
}

// An upload starts once the data connection is up and the server has said it may (a 1xx).
void FtpConsole::upload() {
    if (!transfer_ || transfer_->kind != Transfer::Kind::Put || transfer_->uploaded) return;
    if (!transfer_->dataConnected || !transfer_->commandSent) return;
    transfer_->uploaded = true;
    host().send(*transfer_->data, transfer_->payload);
    host().close(*transfer_->data);
}

void FtpConsole::maybeCompleteTransfer() {
    if (!transfer_ || !transfer_->final) return;
    if (transfer_->kind != Transfer::Kind::Put && !transfer_->dataDone) return;
    const Time elapsed = now() - transfer_->started;
    if (transfer_->kind == Transfer::Kind::Get) {
        std::string content = binary_ ? std::move(transfer_->received) : ftp::fromNetworkAscii(transfer_->received);
        const std::size_t bytes = content.size();
        host().files().write(transfer_->local, std::move(content));
        print(std::to_string(bytes) + " bytes received" + rate(bytes, elapsed) + "\n");
    } else if (transfer_->kind == Transfer::Kind::Put) {
        print(std::to_string(transfer_->payload.size()) + " bytes sent" + rate(transfer_->payload.size(), elapsed) + "\n");
    }
    endTransfer();
}

void FtpConsole::endTransfer() {
    if (!transfer_) return;
    if (transfer_->data) host().forget(*transfer_->data);
    transfer_.reset();
}

}  // namespace netstage::programs
