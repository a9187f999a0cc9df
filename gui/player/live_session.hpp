#pragma once
// The GUI's front end to live mode: the same LiveServer as `netstage serve`
// (live/live_server.hpp), polled from a timer in the GUI thread with
// non-blocking rounds. Every record the world writes is handed to the
// PlayerController as it happens, so the views grow with the run; pausing
// freezes the world (what clients send waits in the kernel), and stopping
// leaves the recorded run as an ordinary trace.

#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "live/serve_plan.hpp"
#include "simulator/core/pacer.hpp"
#include "simulator/trace/record.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::live {
class LiveServer;
}
namespace netstage::scenario {
class LiveWorld;
class SessionRecording;
struct ScenarioSpec;
}

namespace netstage::gui {

class PlayerController;

struct LiveSessionOptions {
    std::vector<std::string> ports;  // `--port HOST:PORT=LOCAL` values; none: the default ports
    std::optional<std::string> from;
    Speed speed = Speed::realTime();
    // Off: no loopback ports at all, for a session only the host programs
    // (Host > Terminal, Mail, FTP) talk to.
    bool servePorts = true;
};

class LiveSession : public QObject {
    Q_OBJECT
public:
    // How often the world is polled, and how often the views hear of it.
    static constexpr int pollMilliseconds = 4;
    static constexpr int frameMilliseconds = 16;

    // Loads the scenario, binds its ports and starts serving into `player`
    // (a new document). Throws live::ServeError (a port in use, a bad --port)
    // or scenario::ScenarioError (a bad scenario) before anything runs.
    LiveSession(const std::string& scenarioPath, const LiveSessionOptions& options, PlayerController& player,
                QObject* parent = nullptr);
    ~LiveSession() override;

    const std::vector<live::ServedPort>& ports() const;
    // The CLI's startup table: server, simulated address, local port, a command to try.
    std::string startupTable() const;
    std::string fromHost() const;
    // Whether real clients can connect (loopback ports); they come in from fromHost().
    bool servesPorts() const { return servesPorts_; }
    Time now() const;
    std::size_t clientCount() const;
    std::uint64_t connectionsAccepted() const;

    // The world itself, for the programs a student runs on its hosts
    // (programs::ProgramHost): they add inputs at its current time, as the
    // loopback clients do. Valid until this session is destroyed.
    scenario::LiveWorld& liveWorld();
    const std::string& scenarioPath() const { return scenarioPath_; }
    // The scenario as loaded plus the `bridge:` section of everything that
    // came in from outside so far: a file `netstage run` replays to the same
    // records. While running, the replay ends at the present.
    std::string recordedScenario() const;

    bool isRunning() const { return !stopped_; }
    bool isPaused() const { return paused_; }
    void pause();
    void resume();
    void setSpeed(Speed speed);
    Speed speed() const { return speed_; }
    // Stops serving (closes every socket) and hands the last records over;
    // the document stays, complete, as an ordinary trace. Idempotent.
    void stop();
    // One poll round and, when a frame is due (or `deliver`), the new records to the player. The timer calls it; tests may too.
    void pollOnce(bool deliver = false);

signals:
    void pausedChanged(bool paused);
    void stopped();

private:
    class Sink;
    void deliver();

    PlayerController& player_;
    std::string scenarioPath_;
    std::string scenarioText_;
    std::unique_ptr<scenario::ScenarioSpec> spec_;  // as loaded, without the visitor: what the recording names
    std::unique_ptr<scenario::SessionRecording> recording_;
    std::unique_ptr<Sink> sink_;
    std::unique_ptr<trace::Tracer> tracer_;
    std::unique_ptr<live::LiveServer> server_;
    QTimer timer_;
    qint64 lastDelivery_ = 0;
    Speed speed_;
    bool paused_ = false;
    bool stopped_ = false;
    bool servesPorts_ = true;
};

}  // namespace netstage::gui
