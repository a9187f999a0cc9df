#include "tests/gui/server_files.hpp"

#include "simulator/apps/ftp/ftp_server_app.hpp"
#include "simulator/scenario/live_world.hpp"
#include "simulator/scenario/world_ftp.hpp"

namespace netstage::gui::testing {

std::optional<std::string> ftpServerFile(scenario::LiveWorld& world, const std::string& host, const std::string& user,
                                         const std::string& path) {
    apps::FtpServerApp* server = world.world().ftp().server(host);
    if (server == nullptr || server->files(user) == nullptr) return std::nullopt;
    const auto read = server->files(user)->readFile(path);
    if (!read.ok()) return std::nullopt;
    return std::string{read.text()};
}

}  // namespace netstage::gui::testing
