#pragma once
// The FTP part of a scenario: servers with users, quotas and files, and
// clients with a timed list of commands. docs/scenario-format.md, section
// "FTP", documents the keys.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/scenario/scenario_error.hpp"

namespace netstage::scenario {

// The contents of a file, given as text, as a size of generated text, or as
// binary octets (every value 0..255 in order, repeated to `size`).
struct FtpContentSpec {
    enum class Kind { Text, GeneratedText, AllByteValues } kind = Kind::Text;
    std::string text;
    std::size_t size = 0;  // GeneratedText, AllByteValues (0: 256 octets)
};

std::string ftpContentBytes(const FtpContentSpec& content);

struct FtpFileSpec {
    std::string path;  // in the user's tree; parent directories are created
    FtpContentSpec content;
    SourceLocation where;
};

struct FtpUserSpec {
    std::string name;
    std::string password;
    std::optional<std::uint64_t> quota;  // octets; none: unlimited
    std::vector<std::string> directories;
    std::vector<FtpFileSpec> files;
    SourceLocation where;
};

struct FtpServerSpec {
    std::string host;
    std::optional<std::string> greeting;
    std::vector<FtpUserSpec> users;
    SourceLocation where;
};

struct FtpCommandSpec {
    enum class Kind { Login, Cd, Ls, Get, Put } kind = Kind::Login;
    Time at;
    std::string argument;  // directory (cd) or file (get, put)
    FtpContentSpec content;  // put
    SourceLocation where;
};

struct FtpClientSpec {
    std::string name;  // label in the trace; defaults to the host
    std::string host;
    std::string server;
    std::string user;
    std::string password;
    bool passive = true;
    bool extended = false;  // EPSV/EPRT first, as curl does
    std::vector<FtpCommandSpec> commands;
    SourceLocation where;
};

}  // namespace netstage::scenario
