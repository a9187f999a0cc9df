#pragma once
// One FTP session on the server: the ftp::ServerSession engine on the
// accepted control connection (a ServerConnectionFor, like every other
// protocol), plus its data side (FtpDataLink), which opens the data
// connections the engine asks for and reports back to it. The control
// connection and every data connection are recorded as separate
// conversations in the trace (protocol "ftp", role "control" / "data").

#include <memory>
#include <string>

#include "protocols/ftp/server_session.hpp"
#include "simulator/apps/engine_connection.hpp"
#include "simulator/apps/ftp/ftp_data_link.hpp"

namespace netstage::apps {

class FtpServerApp;

class FtpServerConnection final : public ServerConnectionFor<ftp::ServerSession>, private FtpDataLink::Owner {
public:
    FtpServerConnection(FtpServerApp& app, std::shared_ptr<tcp::TcpConnection> control);

private:
    void onEvent(ftp::ServerEvent& event) override;
    // The control connection is gone: the engine hears it, and closes the data side.
    void engineClosed() override;
    void traceEvent(std::string type, trace::Fields fields);
    void listen(std::uint16_t port);
    void connect(const std::string& address, std::uint16_t port);

    // FtpDataLink::Owner: the data side's reports, as the engine's data*() calls.
    void dataOpened() override;
    void dataReceived(std::string_view bytes) override;
    void dataEof() override;
    void dataClosed() override;
    void dataFailed() override;
    void dataWritable() override;

    FtpServerApp& app_;
    Ipv4Address client_;
    FtpDataLink data_;
};

}  // namespace netstage::apps
