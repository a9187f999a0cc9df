#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "protocols/fs/file_system.hpp"

namespace netstage::ftp {

// Who may log in and which file tree each user sees. The host owns the file
// systems; several sessions of one user share one tree.
class UserDirectory {
public:
    virtual ~UserDirectory() = default;
    virtual bool checkPassword(std::string_view user, std::string_view password) const = 0;
    // The tree of a user who has logged in; never null for such a user.
    virtual vfs::FileSystem* fileSystemFor(std::string_view user) = 0;
};

// A fixed table of users, each with a password and a file system.
class MapUserDirectory : public UserDirectory {
public:
    vfs::FileSystem& addUser(std::string user, std::string password, std::uint64_t quotaBytes = vfs::kUnlimitedQuota);
    bool checkPassword(std::string_view user, std::string_view password) const override;
    vfs::FileSystem* fileSystemFor(std::string_view user) override;

private:
    struct Account {
        std::string password;
        vfs::FileSystem files;
    };
    std::map<std::string, Account, std::less<>> accounts_;
};

// Chooses the port the host should listen on for PASV/EPSV. The host
// supplies it (a range, a random stream of its own); the engine only asks.
class PassivePortChooser {
public:
    virtual ~PassivePortChooser() = default;
    virtual std::uint16_t nextPort() = 0;
};

// Reply texts that a scenario may reword. The defaults are the lecture's.
struct ReplyTexts {
    std::string userOk = "Username OK, password required";                         // 331
    std::string loggedIn = "Login successful";                                      // 230
    std::string loginIncorrect = "Login incorrect";                                 // 530
    std::string notLoggedIn = "Please login with USER and PASS";                    // 530
    std::string dataAlreadyOpen = "data connection already open; transfer starting";  // 125
    std::string openingData = "File status okay; about to open data connection";    // 150
    std::string cantOpenData = "Can't open data connection";                        // 425
    std::string errorWritingFile = "Error writing file";                            // 452
    std::string transferComplete = "Transfer complete";                             // 226
    std::string goodbye = "Goodbye";                                                // 221
};

struct ServerConfig {
    std::string greeting = "NetStage FTP server ready";  // 220
    std::string systemType = "UNIX Type: L8";             // 215
    UserDirectory* users = nullptr;                        // required
    PassivePortChooser* passivePorts = nullptr;            // required for PASV/EPSV
    std::array<std::uint8_t, 4> passiveAddress{127, 0, 0, 1};  // h1..h4 of the 227 reply
    ReplyTexts texts;
    // 421 and close after this long without a command (not during a transfer).
    std::chrono::nanoseconds idleTimeout = std::chrono::seconds{300};
    // Unix time at simulated time zero: file times are unixEpochAtZero + now.
    std::int64_t unixEpochAtZero = 1700000000;
    std::size_t maxLineLength = 2048;      // octets, CRLF included
    std::size_t maxQueuedCommands = 64;    // pipelined during a transfer
};

}  // namespace netstage::ftp
