#include "protocols/ftp/server_config.hpp"

namespace netstage::ftp {

vfs::FileSystem& MapUserDirectory::addUser(std::string user, std::string password, std::uint64_t quotaBytes) {
    auto [it, inserted] = accounts_.insert_or_assign(std::move(user), Account{std::move(password), vfs::FileSystem{quotaBytes}});
    return it->second.files;
}

bool MapUserDirectory::checkPassword(std::string_view user, std::string_view password) const {
    auto it = accounts_.find(user);
    return it != accounts_.end() && it->second.password == password;
}

vfs::FileSystem* MapUserDirectory::fileSystemFor(std::string_view user) {
    auto it = accounts_.find(user);
    return it == accounts_.end() ? nullptr : &it->second.files;
}

}  // namespace netstage::ftp
