#pragma once
// What an expectation may ask of the world as the run left it, beyond the
// trace: the text of the messages in a mailbox and the octets of an FTP
// user's file. The trace records that a message was stored or a file
// changed, not every octet; the world still has them. The scenario layer
// answers for a World it has just run (simulator/scenario/check_run.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace netstage::expect {

struct StoredMessage {
    std::string id;       // the trace's short id ("hamburger.edu#3"), as in its mail/stored event
    std::string content;  // the RFC 5322 text
};

class WorldState {
public:
    virtual ~WorldState() = default;
    // The messages of a folder at the end of the run; nullopt when there is no such folder.
    virtual std::optional<std::vector<StoredMessage>> mailbox(const std::string& server, const std::string& user,
                                                              const std::string& folder) const = 0;
    // An FTP user's file at the end of the run; nullopt when it does not exist (or is a directory).
    virtual std::optional<std::string> ftpFile(const std::string& server, const std::string& user,
                                               const std::string& path) const = 0;
};

}  // namespace netstage::expect
