#pragma once
// The ftp console's parts. Internal to programs/: the console (the control
// connection, login, the simple commands) in ftp_console.cpp, its transfers
// (the data connection, passive or active) in ftp_transfer.cpp.

#include <functional>
#include <optional>
#include <string>

#include "programs/terminal_command.hpp"
#include "protocols/ftp/reply.hpp"

namespace netstage::programs {

class FtpConsole final : public Terminal::Command {
public:
    FtpConsole(Terminal& terminal, const std::vector<std::string>& openArgs);

    Terminal::Mode mode() const override { return Terminal::Mode::Ftp; }
    std::string prompt() const override;
    bool acceptsLine() const override { return !busy(); }
    bool showsLine() const override { return asking_ != Asking::Password; }
    void line(std::string_view text) override;
    void stop() override;

private:
    enum class Asking { Nothing, Name, Password };
    using ReplyHandler = std::function<void(const ftp::Reply&)>;

    struct Transfer {
        enum class Kind { List, Get, Put } kind = Kind::List;
        std::string command;  // "LIST", "RETR report.pdf", ...
        std::string local;    // get: where it goes; put: where it came from
        std::string payload;  // put: the bytes as they go on the wire
        std::optional<ConnectionId> data;
        bool dataConnected = false;
        bool dataDone = false;     // download: the server closed the data connection
        bool commandSent = false;
        bool uploaded = false;
        std::optional<ftp::Reply> final;
        std::string received;
        Time started;
    };

    bool busy() const { return connecting_ || handler_ != nullptr || transfer_.has_value(); }
    void open(const std::vector<std::string>& args);
    void onReceived(std::string_view bytes);
    void onReply(const ftp::Reply& reply);
    void controlGone(const std::string& why);
    // Sends a command; `handler` gets its replies (a 1xx, then the final one).
    void command(const std::string& text, ReplyHandler handler, bool quiet = false);
    // A command whose final reply is all there is to it.
    void simple(const std::string& text);
    void login(const std::string& user, std::optional<std::string> password);
    void loggedIn();
    void quit(bool leave);
    void runCommand(const std::vector<std::string>& words);
    bool needConnection();

    // ftp_transfer.cpp
    void startTransfer(Transfer transfer);
    void dataSetupReply(const ftp::Reply& reply);
    void openPassive(const ftp::Reply& reply);
    ConnectionEvents dataEvents();
    void sendTransferCommand();
    void transferReply(const ftp::Reply& reply);
    void upload();
    void maybeCompleteTransfer();
    void endTransfer();
    void get(const std::vector<std::string>& args);
    void put(const std::vector<std::string>& args);
    void list(const std::vector<std::string>& args, const std::string& verb);

    std::string server_;
    std::optional<ConnectionId> control_;
    bool connecting_ = false;
    bool connected_ = false;
    bool leaving_ = false;  // quit: back to the shell once QUIT is answered
    Asking asking_ = Asking::Nothing;
    bool passive_ = true;
    bool binary_ = false;  // RFC 959: TYPE A until the client asks otherwise
    ftp::ReplyReader replies_;
    ReplyHandler handler_;
    bool quietReply_ = false;  // the awaited reply is not shown (SYST, TYPE I after login, as BSD ftp)
    std::optional<Transfer> transfer_;
};

}  // namespace netstage::programs
