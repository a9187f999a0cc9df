// ftp [HOST]: a classic command-line FTP client, printing the control
// connection's replies as BSD ftp does with verbose on. The replies are read
// by protocols/ftp's ReplyReader; the commands are the words of RFC 959.
#include "programs/ftp_console.hpp"

#include <charconv>

#include "programs/terminal_words.hpp"

namespace netstage::programs {

namespace {

const char* const kHelp =
    "Commands are:\n"
    "  open HOST [PORT]     connect to an FTP server\n"
    "  user NAME [PASSWORD] log in (again)\n"
    "  ls [DIR], dir [DIR]  list the remote directory (LIST)\n"
    "  nlist [DIR]          names only (NLST)\n"
    "  cd DIR, cdup, pwd    move around the remote directories\n"
    "  get REMOTE [LOCAL]   download to this host's files\n"
    "  put LOCAL [REMOTE]   upload one of this host's files\n"
    "  mkdir DIR, rmdir DIR, delete FILE, size FILE\n"
    "  binary, ascii        transfer type (TYPE I, TYPE A)\n"
    "  passive              passive mode on or off (off: active mode, PORT)\n"
    "  status, system       local settings; the server's system type\n"
    "  close                end the session, stay in ftp\n"
    "  quit, bye            end the session and leave ftp\n";

}  // namespace

FtpConsole::FtpConsole(Terminal& terminal, const std::vector<std::string>& openArgs) : Command{terminal} {
    if (!openArgs.empty()) open(openArgs);
}

std::string FtpConsole::prompt() const {
    if (asking_ == Asking::Name) return "Name (" + server_ + ":" + host().name() + "): ";
    if (asking_ == Asking::Password) return "Password: ";
    return "ftp> ";
}

void FtpConsole::open(const std::vector<std::string>& args) {
    if (connected_ || connecting_) {
        print("Already connected to " + server_ + ", use close first.\n");
        return;
    }
    if (args.empty() || args.size() > 2) {
        print("usage: open HOST [PORT]\n");
        return;
    }
    std::uint16_t port = 21;
    if (args.size() == 2) {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(args[1].data(), args[1].data() + args[1].size(), value);
        if (error != std::errc{} || end != args[1].data() + args[1].size() || value == 0 || value > 65535) {
            print("ftp: " + shortened(args[1]) + ": bad port number (1 to 65535)\n");
            return;
        }
        port = static_cast<std::uint16_t>(value);
    }
    server_ = args[0];
    replies_ = ftp::ReplyReader{};
    connecting_ = true;
    ConnectionEvents events;
    events.resolved = [this](Ipv4Address address) {
        if (done()) return;
        print("Trying " + address.toString() + "...\n");
        settle();
    };
    events.connected = [this] {
        if (done()) return;
        connecting_ = false;
        connected_ = true;
        print("Connected to " + server_ + ".\n");
        handler_ = [this](const ftp::Reply& reply) {
            if (reply.code == 220) {
                asking_ = Asking::Name;
            } else if (!reply.preliminary()) {
                host().close(*control_);
            }
        };
        settle();
    };
    events.received = [this](std::string_view bytes) {
        if (done()) return;
        onReceived(bytes);
        settle();
    };
    events.peerClosed = [this] {
        if (done() || connecting_) return;
        controlGone("421 Service not available, remote server has closed connection.\n");
        settle();
    };
    events.ended = [this](const std::string& outcome) {
        if (done()) return;
        if (connecting_) {
            connecting_ = false;
            if (outcome.starts_with("refused")) {
                print("ftp: connect: Connection refused\n");
            } else if (outcome.starts_with("unknown host")) {
                print("ftp: " + shortened(server_) + ": " + outcome + "\n");
            } else {
                print("ftp: connect: " + outcome + "\n");
            }
            control_.reset();
        } else {
            controlGone("421 Service not available, remote server has closed connection.\n");
        }
        settle();
    };
    control_ = own(host().connect(server_, port, std::move(events)));
}

void FtpConsole::controlGone(const std::string& why) {
    if (!connected_) return;
    connected_ = false;
    asking_ = Asking::Nothing;
    handler_ = nullptr;
    if (transfer_) endTransfer();
    if (leaving_) {
        finish();
        return;
    }
    print(why);
}

void FtpConsole::onReceived(std::string_view bytes) {
    replies_.feed(bytes);
    for (;;) {
        ftp::ReplyReader::Result result = replies_.next();
        if (result.error) {
            print("ftp: not an FTP reply: " + shortened(displayText(*result.error), 60) + "\n");
            continue;
        }
        if (!result.reply) return;
        onReply(*result.reply);
        if (done()) return;
    }
}

void FtpConsole::onReply(const ftp::Reply& reply) {
    if (!quietReply_ || reply.code == 421) print(displayText(ftp::formatReply(reply)));
    if (!handler_) return;  // nothing asked: a 421 before the server closes, shown and done
    const ReplyHandler handler = handler_;
    if (!reply.preliminary()) {
        handler_ = nullptr;
        quietReply_ = false;
    }
    handler(reply);
}

void FtpConsole::command(const std::string& text, ReplyHandler handler, bool quiet) {
    host().send(*control_, text + "\r\n");
    handler_ = handler ? std::move(handler) : [](const ftp::Reply&) {};
    quietReply_ = quiet;
}

void FtpConsole::simple(const std::string& text) { command(text, nullptr); }

bool FtpConsole::needConnection() {
    if (connected_) return true;
    print("Not connected.\n");
    return false;
}

void FtpConsole::login(const std::string& user, std::optional<std::string> password) {
    command("USER " + user, [this, password](const ftp::Reply& reply) {
        if (reply.code == 230) {
            loggedIn();
        } else if (reply.code == 331) {
            if (password) {
                command("PASS " + *password, [this](const ftp::Reply& answer) {
                    if (answer.code == 230) loggedIn(); else print("Login failed.\n");
                });
            } else {
                asking_ = Asking::Password;
            }
        } else if (!reply.preliminary()) {
            print("Login failed.\n");
        }
    });
}

void FtpConsole::loggedIn() {
    // As BSD ftp: ask the system type, and between UNIX systems move files as they are.
    command("SYST", [this](const ftp::Reply& reply) {
        if (reply.code != 215) return;
        const std::string text = reply.text();
        const std::string system = text.substr(0, text.find(' '));
        print("Remote system type is " + system + ".\n");
        if (system == "UNIX") {
            print("Using binary mode to transfer files.\n");
            command("TYPE I", [this](const ftp::Reply& answer) { binary_ = answer.code == 200; }, true);
        }
    }, true);
}

void FtpConsole::quit(bool leave) {
    if (!connected_) {
        if (leave) finish();
        return;
    }
    leaving_ = leave;
    command("QUIT", [this](const ftp::Reply& reply) {
        if (reply.preliminary()) return;
        connected_ = false;
        asking_ = Asking::Nothing;
        if (leaving_) finish();
    });
}

void FtpConsole::stop() {
    if (transfer_) endTransfer();
    if (control_) host().close(*control_);
    finish();
}

void FtpConsole::line(std::string_view text) {
    if (asking_ == Asking::Name) {
        asking_ = Asking::Nothing;
        const std::vector<std::string> words = splitWords(text);
        if (words.empty()) {
            print("Login failed (no user name; type user NAME to try again).\n");
            return;
        }
        login(words.front(), std::nullopt);
        return;
    }
    if (asking_ == Asking::Password) {
        asking_ = Asking::Nothing;
        command("PASS " + std::string{text}, [this](const ftp::Reply& reply) {
            if (reply.code == 230) loggedIn(); else print("Login failed.\n");
        });
        return;
    }
    const std::vector<std::string> words = splitWords(text);
    if (!words.empty()) runCommand(words);
}

void FtpConsole::runCommand(const std::vector<std::string>& words) {
    const std::string verb = lowercase(words.front());
    const std::vector<std::string> args(words.begin() + 1, words.end());
    const auto oneArgument = [&](const std::string& usage) {
        if (args.size() == 1) return true;
        print("usage: " + usage + "\n");
        return false;
    };
    if (verb == "help" || verb == "?") {
        print(kHelp);
    } else if (verb == "open") {
        open(args);
    } else if (verb == "quit" || verb == "bye" || verb == "exit") {
        quit(true);
    } else if (verb == "passive") {
        passive_ = !passive_;
        print(std::string{"Passive mode "} + (passive_ ? "on" : "off") + ".\n");
    } else if (verb == "status") {
        print((connected_ ? "Connected to " + server_ + ".\n" : std::string{"Not connected.\n"}) +
              "Mode: stream; Type: " + (binary_ ? "binary" : "ascii") + "; Structure: file\n" +
              "Passive mode: " + (passive_ ? "on" : "off") + ".\n");
    } else if (verb.starts_with("!")) {
        print("?Invalid command: there is no local shell here (the terminal's ls and cat show this host's files).\n");
    } else if (verb == "close" || verb == "disconnect") {
        if (needConnection()) quit(false);
    } else if (verb == "user") {
        if (!needConnection()) return;
        if (args.empty() || args.size() > 2) {
            print("usage: user NAME [PASSWORD]\n");
            return;
        }
        login(args[0], args.size() == 2 ? std::optional<std::string>{args[1]} : std::nullopt);
    } else if (verb == "ls" || verb == "dir" || verb == "nlist") {
        if (needConnection()) list(args, verb == "nlist" ? "NLST" : "LIST");
    } else if (verb == "get" || verb == "recv") {
        if (needConnection()) get(args);
    } else if (verb == "put" || verb == "send") {
        if (needConnection()) put(args);
    } else if (verb == "cd") {
        if (needConnection() && oneArgument("cd REMOTE-DIRECTORY")) simple("CWD " + args[0]);
    } else if (verb == "cdup") {
        if (needConnection()) simple("CDUP");
    } else if (verb == "pwd") {
        if (needConnection()) simple("PWD");
    } else if (verb == "mkdir") {
        if (needConnection() && oneArgument("mkdir DIRECTORY-NAME")) simple("MKD " + args[0]);
    } else if (verb == "rmdir") {
        if (needConnection() && oneArgument("rmdir DIRECTORY-NAME")) simple("RMD " + args[0]);
    } else if (verb == "delete") {
        if (needConnection() && oneArgument("delete REMOTE-FILE")) simple("DELE " + args[0]);
    } else if (verb == "size") {
        if (needConnection() && oneArgument("size REMOTE-FILE")) simple("SIZE " + args[0]);
    } else if (verb == "system") {
        if (needConnection()) simple("SYST");
    } else if (verb == "binary" || verb == "image") {
        if (needConnection()) command("TYPE I", [this](const ftp::Reply& reply) { if (reply.code == 200) binary_ = true; });
    } else if (verb == "ascii") {
        if (needConnection()) command("TYPE A", [this](const ftp::Reply& reply) { if (reply.code == 200) binary_ = false; });
    } else {
        print("?Invalid command: " + displayText(shortened(words.front())) + " (type help for the list)\n");
    }
}

std::unique_ptr<Terminal::Command> startFtp(Terminal& terminal, const std::vector<std::string>& args) {
    if (args.size() > 2) {
        Terminal::Command::say(terminal, "usage: ftp [HOST [PORT]]\n");
        return nullptr;
    }
    return std::make_unique<FtpConsole>(terminal, args);
}

}  // namespace netstage::programs
