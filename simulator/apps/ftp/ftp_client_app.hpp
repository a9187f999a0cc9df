#pragma once
// An FTP client host running a script (login, cd, ls, get, put) with
// ftp::ClientSession over a simulated control connection, and opening the
// data connections the engine asks for: in passive mode it connects to the
// server's 227/229 port, in active mode it listens and the server connects.
//
// Each step has a time before which it does not start: a step starts at its
// time or when the previous one has finished, whichever is later. The
// engine runs the script back to back, so the application holds the
// engine's events (and the commands they release) after a finished step
// until the next step's time. That hold is why the control connection is
// this application's own and not a ClientConnectionFor, which handles every
// event at once; the data side is FtpDataLink, as on the server.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "protocols/ftp/client_session.hpp"
#include "simulator/apps/ftp/ftp_data_link.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/send_queue.hpp"

namespace netstage::apps {

struct FtpClientAppConfig {
    std::string label;  // names the client in the trace
    Endpoint server;    // the control port, normally 21
    ftp::ClientConfig session;  // activeAddress and activePort are filled in by the application
    std::vector<Time> stepTimes;  // one per script step; missing entries mean "at once"
    std::uint16_t firstActivePort = 55000;  // active mode: listeners on the next port from here
};

struct FtpStepResult {
    ftp::ClientStep::Kind kind = ftp::ClientStep::Kind::Login;
    std::string argument;
    bool ok = false;
    int code = 0;
    vfs::FileContents data;  // the listing (ls) or the file (get), in the chunks it arrived in
    Time finishedAt;
    std::uint64_t bytes = 0;  // octets received (ls, get) or sent (put)
};

class FtpClientApp : private FtpDataLink::Owner {
public:
    FtpClientApp(HostStack& host, FtpClientAppConfig config);
    ~FtpClientApp() override;
    FtpClientApp(const FtpClientApp&) = delete;
    FtpClientApp& operator=(const FtpClientApp&) = delete;

    // Opens the control connection at the first step's time.
    void schedule();
    // Opens the control connection now.
    void start();

    const FtpClientAppConfig& config() const { return config_; }
    const std::vector<FtpStepResult>& results() const { return results_; }
    bool finished() const { return finished_; }
    // Why the control connection ended in error ("no answer after 6 SYNs"), or "" if it did not.
    const std::string& controlFailure() const { return controlFailure_; }

private:
    // Handles the engine's events in order, until none is left or a step waits for its time.
    void pump();
    void handle(ftp::ClientEvent& event);
    void onStepFinished(ftp::StepFinished& step);  // moves the step's data into results()
    void listen(std::uint16_t wanted);
    void connect(const std::string& address, std::uint16_t port);
    void traceEvent(std::string type, trace::Fields fields);
    // Closes the control connection now, or once what waits in controlOutput_ is out.
    void closeControlWhenSent();
    Time now() const { return host_.simulator().now(); }

    // FtpDataLink::Owner: the data side's reports, as the engine's data*() calls.
    void dataOpened() override;
    void dataReceived(std::string_view bytes) override;
    void dataEof() override;
    void dataFailed() override;

    HostStack& host_;
    FtpClientAppConfig config_;
    ftp::ClientSession session_;
    std::shared_ptr<tcp::TcpConnection> control_;
    SendQueue controlOutput_;
    bool controlCloseWanted_ = false;
    bool controlCloseCalled_ = false;
    // A finished step waits for the next step's time: the engine's events
    // (and with them its commands) stay in the engine until then.
    bool held_ = false;
    EventId resume_;
    std::vector<FtpStepResult> results_;
    std::uint64_t sentThisStep_ = 0;  // put: octets handed to the data connection
    std::string controlFailure_;
    bool finished_ = false;

    std::uint16_t nextActivePort_;
    FtpDataLink data_;
};

}  // namespace netstage::apps
