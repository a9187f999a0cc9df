#pragma once
// What ServerSession tells its host. The host acts on ListenRequested,
// ConnectRequested, DataToSend and CloseData in the order they come; the rest
// are for the trace. Control-connection bytes come from takeOutput(), and
// closed() says when to close it. ClientSession shares the data-connection
// events.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace netstage::ftp {

struct NeedData {};

struct CommandReceived {
    std::string verb;
    std::string argument;
    std::string rawLine;
};

// Its wire form is released to takeOutput() when this event is taken from
// nextEvent(), so a host that writes the output as it meets each ReplySent
// puts replies and data-connection actions on the wire in the engine's order.
struct ReplySent {
    int code = 0;
    std::vector<std::string> lines;
};

// Open a listener on `port` (or another port) and report it: the server
// engine with passiveListening(port), the client engine with dataListening(port).
struct ListenRequested {
    std::uint16_t port = 0;
};

// Connect to the given address (empty: the control connection's peer), then
// call dataConnectionOpened() or dataConnectionFailed().
struct ConnectRequested {
    std::string address;
    std::uint16_t port = 0;
};

// Write on the data connection: `length` octets of `bytes` from `offset` on
// (npos: to its end). The string is shared with its owner (a file of the
// server's file system, a client's upload), so a file is not copied to be
// sent. A download comes a window at a time: the host reports room with
// dataWritable() and the engine answers with the next DataToSend events.
struct DataToSend {
    std::shared_ptr<const std::string> bytes;
    std::size_t offset = 0;
    std::size_t length = std::string_view::npos;
    std::string_view view() const {
        return bytes ? std::string_view{*bytes}.substr(offset, length) : std::string_view{};
    }
};

// Close the data connection and the passive listener, whichever exist. After
// a download the host calls dataConnectionClosed() once the bytes are out.
// `aborted`: the transfer was given up (ABOR, the control connection lost),
// so what the host still holds for the data connection is dropped, not sent.
struct CloseData {
    bool aborted = false;
};

enum class DataChange { Listen, Connect, Opened, Closed };
enum class DataRole { Passive, Active };

struct DataConnection {
    DataChange change = DataChange::Opened;
    DataRole role = DataRole::Passive;
    std::string address;
    std::uint16_t port = 0;
};

struct TransferStarted {
    std::string file;  // absolute path in the user's tree (the directory for LIST/NLST)
    std::string verb;  // RETR, STOR, APPE, LIST, NLST
    std::uint64_t bytes = 0;  // octets about to be sent; 0 for uploads (not known yet)
};

struct TransferCompleted {
    std::string file;
    std::string verb;
    std::uint64_t bytes = 0;  // octets on the wire
};

// A change to the user's file tree (STOR, APPE, MKD, RMD, DELE, RNTO).
struct FileChanged {
    std::string action;  // "store", "append", "mkdir", "rmdir", "delete", "rename"
    std::string path;
    std::string newPath;  // rename only
};

struct ProtocolError {
    std::string message;
};

// The session is over (QUIT, a 421, the control connection closed): from
// here on closed() is true.
struct CloseRequested {};

using ServerEvent = std::variant<NeedData, CommandReceived, ReplySent, ListenRequested, ConnectRequested, DataToSend,
                                 CloseData, DataConnection, TransferStarted, TransferCompleted, FileChanged,
                                 ProtocolError, CloseRequested>;

}  // namespace netstage::ftp
