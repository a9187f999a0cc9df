// telnet HOST [PORT]: the raw connection, a typed line at a time, as the
// lecture uses it to talk SMTP by hand. Lines go out with CRLF; what the
// server sends is shown as it arrives.
#include <charconv>
#include <utility>

#include "programs/terminal_command.hpp"
#include "programs/terminal_words.hpp"

namespace netstage::programs {

namespace {

class TelnetCommand final : public Terminal::Command {
public:
    TelnetCommand(Terminal& terminal, std::string target, std::uint16_t port)
        : Command{terminal}, target_{std::move(target)} {
        ConnectionEvents events;
        events.resolved = [this](Ipv4Address address) {
            if (done()) return;
            print("Trying " + address.toString() + "...\n");
            settle();
        };
        events.connected = [this] {
            if (done()) return;
            state_ = State::Open;
            print("Connected to " + target_ + ".\nEscape character is '^]'.\n");
            awaitReply();
            settle();
        };
        events.received = [this](std::string_view bytes) {
            if (done()) return;
            print(displayText(bytes));
            if (!bytes.empty() && bytes.back() == '\n') answered_ = true;
            settle();
        };
        events.peerClosed = [this] {
            // Before the connection is up, a reset: `ended` says which.
            if (done() || state_ != State::Open) return;
            print("Connection closed by foreign host.\n");
            finish();
            settle();
        };
        events.ended = [this](const std::string& outcome) {
            if (done()) return;
            if (state_ == State::Open) {
                print("Connection closed by foreign host.\n");
            } else if (outcome.starts_with("refused")) {
                print("telnet: Unable to connect to remote host: Connection refused\n");
            } else if (outcome.starts_with("no answer")) {
                print("telnet: Unable to connect to remote host: Connection timed out (" + outcome + ")\n");
            } else if (outcome.starts_with("unknown host")) {
                print("telnet: " + shortened(target_) + ": " + outcome + "\n");
            } else {
                print("telnet: Unable to connect to remote host: " + outcome + "\n");
            }
            finish();
            settle();
        };
        id_ = own(host().connect(target_, port, std::move(events)));
    }

    Terminal::Mode mode() const override {
        return escaped_ ? Terminal::Mode::TelnetCommand : Terminal::Mode::Telnet;
    }
    std::string prompt() const override { return escaped_ ? "telnet> " : ""; }
    bool acceptsLine() const override { return state_ == State::Open; }
    std::optional<Time> quietUntil() const override {
        if (escaped_ || answered_) return std::nullopt;
        return lastInput_ + options().quietTime;
    }

    void line(std::string_view text) override {
        if (escaped_) {
            telnetCommand(text);
            return;
        }
        host().send(id_, std::string{text} + "\r\n");
        awaitReply();
    }

    void escape() override {
        if (state_ == State::Open) escaped_ = true;
    }

    void stop() override {
        host().close(id_);
        finish();
    }

private:
    enum class State { Connecting, Open };

    void awaitReply() {
        answered_ = false;
        lastInput_ = now();
    }

    void telnetCommand(std::string_view text) {
        const std::vector<std::string> words = splitWords(text);
        const std::string verb = words.empty() ? std::string{} : lowercase(words.front());
        if (verb.empty()) {
            escaped_ = false;  // back to the session
        } else if (verb == "quit" || verb == "close" || verb == "q" || verb == "c") {
            host().close(id_);
            print("Connection closed.\n");
            finish();
        } else if (verb == "help" || verb == "?") {
            print("Commands may be abbreviated.  Commands are:\n\n"
                  "close\tclose current connection\n"
                  "quit\texit telnet\n"
                  "?\tprint help information\n"
                  "(an empty line returns to the session)\n");
        } else {
            print("?Invalid command\n");
        }
    }

    std::string target_;
    ConnectionId id_ = 0;
    State state_ = State::Connecting;
    bool escaped_ = false;
    bool answered_ = true;
    Time lastInput_;
};

}  // namespace

std::unique_ptr<Terminal::Command> startTelnet(Terminal& terminal, const std::vector<std::string>& args) {
    if (args.empty() || args.size() > 2) {
        Terminal::Command::say(terminal, "usage: telnet HOST [PORT]   (for example: telnet hamburger.edu 25)\n");
        return nullptr;
    }
    std::uint16_t port = 23;
    static const std::pair<const char*, std::uint16_t> services[] = {
        {"ftp", 21}, {"telnet", 23}, {"smtp", 25}, {"domain", 53}, {"http", 80}, {"pop3", 110}, {"imap", 143}};
    for (const auto& [name, number] : services) {
        if (args.size() == 2 && lowercase(args[1]) == name) return std::make_unique<TelnetCommand>(terminal, args[0], number);
    }
    if (args.size() == 2) {
        unsigned value = 0;
        const auto& text = args[1];
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535) {
            Terminal::Command::say(terminal, "telnet: " + shortened(text) + ": bad port number (1 to 65535)\n");
            return nullptr;
        }
        port = static_cast<std::uint16_t>(value);
    }
    return std::make_unique<TelnetCommand>(terminal, args[0], port);
}

}  // namespace netstage::programs
