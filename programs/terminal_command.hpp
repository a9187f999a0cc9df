#pragma once
// What runs in a terminal besides its shell: each command (a telnet session,
// a lookup, the ftp console) takes the typed lines while it runs and prints
// through the terminal. Internal to programs/.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "programs/terminal.hpp"

namespace netstage::programs {

class Terminal::Command {
public:
    explicit Command(Terminal& terminal) : terminal_{terminal} {}
    // Forgets its connections (closing those still open).
    virtual ~Command();
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    virtual Mode mode() const = 0;
    virtual std::string prompt() const = 0;
    // Takes a typed line now (it is not waiting on the network).
    virtual bool acceptsLine() const = 0;
    // Waiting for an answer that may never come (telnet): the quiet time's end.
    virtual std::optional<Time> quietUntil() const { return std::nullopt; }
    // Whether the terminal repeats the line when it echoes (not a password).
    virtual bool showsLine() const { return true; }
    virtual void line(std::string_view text) = 0;
    // Ctrl+]; only telnet does anything with it.
    virtual void escape() {}
    // End of input: close everything, print nothing more.
    virtual void stop() = 0;

    bool done() const { return done_; }
    bool hasOpenConnections() const;

    // Prints on `terminal` before a command exists (a usage error).
    static void say(Terminal& terminal, std::string_view text) { terminal.print(text); }

protected:
    void print(std::string_view text) { terminal_.print(text); }
    // Over: the shell takes the next line.
    void finish() { done_ = true; }
    void settle() { terminal_.settle(); }
    ProgramHost& host() { return terminal_.host_; }
    const ProgramHost& host() const { return terminal_.host_; }
    const TerminalOptions& options() const { return terminal_.options_; }
    Time now() const { return terminal_.host_.world().now(); }
    // Remembers a connection of this command, so it is closed with it.
    ConnectionId own(ConnectionId id) {
        ids_.push_back(id);
        return id;
    }

    Terminal& terminal_;

private:
    bool done_ = false;
    std::vector<ConnectionId> ids_;
};

// Makes the commands (telnet_command.cpp, lookup_command.cpp, ftp_console.cpp).
// Each prints its own usage errors and returns nullptr when it cannot start.
std::unique_ptr<Terminal::Command> startTelnet(Terminal& terminal, const std::vector<std::string>& args);
std::unique_ptr<Terminal::Command> startLookup(Terminal& terminal, const std::vector<std::string>& args, bool dig);
std::unique_ptr<Terminal::Command> startFtp(Terminal& terminal, const std::vector<std::string>& args);

}  // namespace netstage::programs
