#pragma once
// What goes over the data connection: TYPE A line-ending conversion,
// directory listings, and the RFC 3659 time format.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/fs/file_system.hpp"

namespace netstage::ftp {

// TYPE A (RFC 959 §3.1.1.1): the stored form uses LF, the wire uses CRLF.
// Every LF becomes CRLF on the way out and every CRLF becomes LF on the way
// in, so any file survives a TYPE A round trip unchanged.
std::string toNetworkAscii(std::string_view stored);
std::string fromNetworkAscii(std::string_view wire);

// One "ls -l" line per entry, as lftp, ncftp and curl expect, CRLF-terminated.
std::string formatLongListing(const std::vector<vfs::Entry>& entries, std::int64_t now);
// Bare names (NLST), CRLF-terminated.
std::string formatNameListing(const std::vector<vfs::Entry>& entries);

// RFC 3659 §7 facts, in this order, for MLST and MLSD.
struct MlsxFacts {
    bool type = true;
    bool size = true;
    bool modify = true;
    bool perm = true;
};
enum class MlsxType { File, Dir, Cdir };
// One entry: "type=file;size=3;modify=20231114221320;perm=adfrw; name"
// (no line end). Every user owns the whole of their tree, so perm grants
// everything RFC 3659 §7.5.5 defines for the entry's type.
std::string formatMlsxEntry(const vfs::Entry& entry, MlsxType type, std::string_view name, const MlsxFacts& facts);
// MLSD's data: the directory itself (cdir) and then each entry, CRLF-terminated.
std::string formatMlsdListing(const vfs::Entry& directory, const std::vector<vfs::Entry>& entries,
                              const MlsxFacts& facts);

// "YYYYMMDDHHMMSS" in UTC (RFC 3659 §2.3).
std::string formatMdtm(std::int64_t unixSeconds);

}  // namespace netstage::ftp
