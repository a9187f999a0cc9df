#pragma once
// A terminal on a simulated host: a line-oriented shell with the commands a
// student meets in the lecture (telnet, nslookup, dig, ftp), each running on
// the host's ProgramHost, so everything it does is a traced input of the
// live world. Output is text through one callback; the GUI and the CLI only
// display it. The terminal holds no protocol logic of its own: telnet is the
// raw connection, DNS the host's stub resolver, ftp the FTP reply and
// address parsers of protocols/ftp.
//
// Input is a line at a time (without its line end). The terminal shows what
// a terminal would: the prompt, and, with `echo`, each typed line after it
// (a password is never shown).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <deque>

#include "programs/program_host.hpp"
#include "simulator/core/time.hpp"

namespace netstage::programs {

struct TerminalOptions {
    // Repeat each typed line in the output, as a terminal's line discipline
    // does (off when the real terminal already shows what was typed).
    bool echo = true;
    // In a telnet session, how long (simulated) after a typed line without
    // any reply the terminal counts as ready for the next line (the SMTP
    // message body gets no reply per line).
    Time quietTime = Time::fromMilliseconds(500);
};

class Terminal {
public:
    using Output = std::function<void(std::string_view text)>;

    enum class Mode {
        Shell,          // "alice-pc$ "
        Telnet,         // inside a telnet session: lines go to the server
        TelnetCommand,  // after Ctrl+]: "telnet> "
        Ftp,            // "ftp> " (and its Name/Password questions)
    };

    // Shows the first prompt at once.
    Terminal(ProgramHost& host, Output output, TerminalOptions options = {});
    // Closes the connections it opened.
    ~Terminal();
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // One typed line, without its line end. In a telnet session a line
    // starting with Ctrl+] (byte 0x1d) escapes to the "telnet> " prompt; the
    // rest of that line, if any, is the telnet command ("\x1dquit").
    void type(std::string_view line);
    // Ctrl+] pressed (a GUI's key binding): as a line holding only 0x1d.
    void escape();
    // End of input (Ctrl+D, the end of a pipe): closes every connection the
    // terminal has open, as a shell that exits; finished() once they are closed.
    void endInput();

    Mode mode() const;
    // The prompt the terminal shows now: "alice-pc$ ", "ftp> ", "telnet> ",
    // "Name (ftp.school.edu:alice-pc): ", "Password: ", or "" in a telnet session.
    std::string prompt() const;
    // Whether a person would type the next line now: no command is waiting on
    // the network (a lookup, a connection, an FTP reply or transfer), and in
    // a telnet session the server has answered the last line (a reply ending
    // in a line end) or stayed quiet for quietTime, or the session is over.
    bool readyForInput() const;
    // While readyForInput() waits only for the quiet time: when it ends.
    std::optional<Time> readyAt() const;
    // After endInput(), once every connection has ended.
    bool finished() const;

    ProgramHost& host() { return host_; }

    // The help text of the shell, one command a line.
    static std::string helpText();

    // What runs in the terminal: a telnet session, a lookup, the ftp console (terminal_command.hpp).
    class Command;

private:
    friend class Command;

    void print(std::string_view text);
    // Shows the prompt if the terminal takes a line now and has not shown it since.
    void showPrompt();
    // Runs typed-ahead lines while the terminal takes them, then shows the prompt.
    void settle();
    void processLine(std::string line);
    void runShellLine(std::string_view line);
    void dropFinishedCommands();

    ProgramHost& host_;
    Output output_;
    TerminalOptions options_;
    std::unique_ptr<Command> command_;               // what runs now, if anything
    std::vector<std::unique_ptr<Command>> retired_;  // over, but their connections may still be closing
    std::deque<std::string> typeahead_;              // lines typed while a command waits on the network
    bool promptShown_ = false;
    bool ending_ = false;
    bool settling_ = false;
};

}  // namespace netstage::programs
