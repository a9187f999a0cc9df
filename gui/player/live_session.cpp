#include "gui/player/live_session.hpp"

#include <QElapsedTimer>
#include <fstream>
#include <sstream>
#include <utility>

#include "gui/player/player_controller.hpp"
#include "live/live_server.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/session_recording.hpp"

namespace netstage::gui {

// Keeps the records written since the player last took them (Recorder keeps all of them; the Playback does that here).
class LiveSession::Sink : public trace::TraceSink {
public:
    void onStart(const trace::TraceHeader& header) override { header_ = header; }
    void onPacket(const trace::PacketEvent& event) override { pending_.emplace_back(trace::PacketRecord::from(event)); }
    void onEvent(const trace::Event& event) override { pending_.emplace_back(event); }
    void onFinish(Time end) override { end_ = end; }

    std::vector<trace::Record> take() { return std::exchange(pending_, {}); }
    const trace::TraceHeader& header() const { return header_; }
    std::optional<Time> end() const { return end_; }

private:
    trace::TraceHeader header_;
    std::vector<trace::Record> pending_;
    std::optional<Time> end_;
};

namespace {
qint64 monotonicMilliseconds() {
    static QElapsedTimer elapsed = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return elapsed.elapsed();
}
}  // namespace

LiveSession::LiveSession(const std::string& scenarioPath, const LiveSessionOptions& options, PlayerController& player,
                         QObject* parent)
    : QObject{parent}, player_{player}, scenarioPath_{scenarioPath}, sink_{std::make_unique<Sink>()},
      tracer_{std::make_unique<trace::Tracer>()}, speed_{options.speed} {
    spec_ = std::make_unique<scenario::ScenarioSpec>(scenario::loadScenarioFile(scenarioPath));
    {
        // Kept as read now: the saved session is this text plus what happened.
        std::ifstream file{scenarioPath, std::ios::binary};
        std::ostringstream text;
        text << file.rdbuf();
        scenarioText_ = text.str();
    }
    std::vector<live::PortRequest> requests;
    for (const auto& text : options.ports) requests.push_back(live::parsePortRequest(text));
    std::vector<live::ServedPort> plan;
    servesPorts_ = options.servePorts;
    if (options.servePorts) plan = live::planPorts(*spec_, requests);
    live::PortListeners listeners{std::move(plan), "127.0.0.1"};
    scenario::LiveOptions liveOptions;
    liveOptions.from = options.from;
    liveOptions.speed = options.speed;
    recording_ = std::make_unique<scenario::SessionRecording>(*spec_, options.from.value_or(liveOptions.visitorName),
                                                              !options.from.has_value());
    tracer_->addSink(*sink_);
    tracer_->addSink(*recording_);
    server_ = std::make_unique<live::LiveServer>(*spec_, *tracer_, std::move(listeners), liveOptions);

    trace::TraceLog log;
    log.header = sink_->header();
    log.records = sink_->take();
    log.end = server_->world().now();
    player_.setDocument(std::make_unique<Playback>(std::move(log)));
    player_.setLive(true);
    player_.end();

    timer_.setInterval(pollMilliseconds);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, [this] { pollOnce(); });
    timer_.start();
}

LiveSession::~LiveSession() { stop(); }

const std::vector<live::ServedPort>& LiveSession::ports() const { return server_->ports(); }

std::string LiveSession::startupTable() const { return live::startupTable(server_->ports(), "127.0.0.1"); }

scenario::LiveWorld& LiveSession::liveWorld() { return server_->world(); }

std::string LiveSession::recordedScenario() const {
    if (stopped_) return recording_->recordedScenario(scenarioText_);
    scenario::SessionRecording upToNow = *recording_;
    upToNow.onFinish(server_->world().now());
    return upToNow.recordedScenario(scenarioText_);
}

std::string LiveSession::fromHost() const { return server_->world().fromHost(); }

Time LiveSession::now() const { return server_->world().now(); }

std::size_t LiveSession::clientCount() const { return server_->clientCount(); }

std::uint64_t LiveSession::connectionsAccepted() const { return server_->connectionsAccepted(); }

void LiveSession::pollOnce(bool deliverNow) {
    if (stopped_) return;
    server_->poll(Time::zero());
    const qint64 now = monotonicMilliseconds();
    if (deliverNow || now - lastDelivery_ >= frameMilliseconds) {
        lastDelivery_ = now;
        deliver();
    }
}

void LiveSession::deliver() { player_.appendRecords(sink_->take(), server_->world().now()); }

void LiveSession::pause() {
    if (stopped_ || paused_) return;
    server_->pause();
    paused_ = true;
    deliver();
    emit pausedChanged(true);
}

void LiveSession::resume() {
    if (stopped_ || !paused_) return;
    server_->resume();
    paused_ = false;
    emit pausedChanged(false);
}

void LiveSession::setSpeed(Speed speed) {
    speed_ = speed;
    if (!stopped_) server_->setSpeed(speed);
}

void LiveSession::stop() {
    if (stopped_) return;
    timer_.stop();
    const Time end = server_->stop();
    stopped_ = true;
    player_.appendRecords(sink_->take(), sink_->end().value_or(end));
    player_.setLive(false);
    emit stopped();
}

}  // namespace netstage::gui
