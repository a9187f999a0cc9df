#pragma once
// The data side of one FTP session, on a simulated host: the passive or
// active listener, the data connection the engine knows about, and the ones
// still closing after it moved on. The control side is the engine on a
// ServerConnection (or the client application's control connection); this
// part opens, feeds and closes data connections when the engine's events say
// so, and reports back through Owner, which turns the reports into the
// engine's data*() calls. Server and client application share it.
//
// A download streams: the owner is asked for data (Owner::dataWritable)
// when the queue of what waits for TCP has drained, and hands over a window
// of about room() octets, shared with the file system, not copied. TCP
// takes what fits in its send buffer; the rest waits in a SendQueue and
// goes out from onSendSpace, and when that is gone the owner is asked again.
// So at most one send buffer plus one window of a file is held here, and an
// abort stops the transfer where it stands.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/send_queue.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class FtpDataLink {
public:
    // What happened to the data connection, for the session's engine.
    class Owner {
    public:
        virtual ~Owner() = default;
        virtual void dataOpened() = 0;
        virtual void dataReceived(std::string_view bytes) = 0;
        // The peer closed the data connection the engine knows about.
        virtual void dataEof() = 0;
        // A download closed with close(true) is out and the peer closed its side.
        virtual void dataClosed() {}
        virtual void dataFailed() = 0;
        // The data connection has sent what it was given and can take room() more.
        virtual void dataWritable() {}
    };

    // `recordAs`: record each data connection as an "ftp" conversation with
    // role "data" and this client name (the server does; the client does not).
    FtpDataLink(HostStack& host, Owner& owner, std::optional<std::string> recordAs = std::nullopt);
    ~FtpDataLink();
    FtpDataLink(const FtpDataLink&) = delete;
    FtpDataLink& operator=(const FtpDataLink&) = delete;

    // Listens on `port` for one connection from `peer`; false if the port is taken.
    bool listen(std::uint16_t port, Ipv4Address peer);
    // Connects to `target`, from `localPort` if given; false if that 4-tuple is
    // still taken (TIME-WAIT).
    bool connect(Endpoint target, std::optional<std::uint16_t> localPort = std::nullopt);
    // Writes `length` octets of `bytes` from `offset` on to the data
    // connection, shared, not copied; a listing is recorded line by line.
    void send(std::shared_ptr<const std::string> bytes, std::size_t offset, std::size_t length);
    // How much to hand over now: what TCP's send buffer takes, plus one
    // window that waits for its space (so TCP asks again as it drains).
    // 0 without an open data connection.
    std::size_t room() const;
    static constexpr std::size_t kWindow = 64 * 1024;
    // The transfer the data connection carries, for its record.
    void transferStarted(const std::string& verb, const std::string& file, std::uint64_t bytes);
    // Stops listening and closes the data connection once its bytes are out
    // (aborts one not yet open). `reportClose`: call dataClosed() when the
    // peer has closed too (the server's download ends there). `aborted`:
    // drop what still waits instead of sending it.
    void close(bool reportClose = false, bool aborted = false);
    void stopListening();

private:
    struct Connection;

    tcp::TcpCallbacks callbacks(const std::shared_ptr<Connection>& link);
    void adopt(const std::shared_ptr<Connection>& link);
    void onPeerClosed(const std::shared_ptr<Connection>& link);
    void onError(const std::shared_ptr<Connection>& link);
    void onSendSpace(const std::shared_ptr<Connection>& link);

    HostStack& host_;
    Owner& owner_;
    std::optional<std::string> recordAs_;
    std::uint16_t listeningPort_ = 0;
    std::shared_ptr<Connection> current_;  // the data connection the engine knows about
    // TCP callbacks and listeners outlive this part; they hold it weakly.
    std::shared_ptr<FtpDataLink*> alive_;
};

}  // namespace netstage::apps
