#include "simulator/scenario/check_run.hpp"

#include "simulator/expect/evaluate.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/scenario/world_ftp.hpp"
#include "simulator/trace/recorder.hpp"

namespace netstage::scenario {

namespace {

// The world's final state, as the expectations ask for it.
class FinishedWorld : public expect::WorldState {
public:
    explicit FinishedWorld(const World& world) : world_{world} {}

    std::optional<std::vector<expect::StoredMessage>> mailbox(const std::string& server, const std::string& user,
                                                              const std::string& folder) const override {
        for (const auto& mailServer : world_.mailServers()) {
            if (mailServer->host().node().name() != server) continue;
            const mail::Folder* f = std::as_const(*mailServer).store().folder(user, folder);
            if (f == nullptr) return std::nullopt;
            std::vector<expect::StoredMessage> out;
            for (const auto& message : f->messages()) {
                out.push_back({mailServer->shortIdIn(user, folder, message.uid), message.content ? *message.content : std::string{}});
            }
            return out;
        }
        return std::nullopt;
    }

    std::optional<std::string> ftpFile(const std::string& server, const std::string& user, const std::string& path) const override {
        apps::FtpServerApp* app = world_.ftp().server(server);
        vfs::FileSystem* files = app != nullptr ? app->files(user) : nullptr;
        if (files == nullptr) return std::nullopt;
        const vfs::ReadResult read = files->readFile(path);
        if (!read.ok()) return std::nullopt;
        return std::string{read.text()};
    }

private:
    const World& world_;
};

}  // namespace

CheckedRun checkScenario(const ScenarioSpec& spec, const std::vector<expect::Expectation>& expectations) {
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    World world{spec, tracer};
    CheckedRun out;
    out.end = world.run();
    out.records = recorder.records().size();
    const FinishedWorld state{world};
    out.results = expect::evaluate(expectations, recorder.log(), &state);
    return out;
}

}  // namespace netstage::scenario
