// The player's two speed targets, measured offscreen:
//
//   netstage_bench_gui startup [SCENARIO]   process start -> first frame of scenario 01
//   netstage_bench_gui render [FRAMES]      frames/s, 200 hosts and 1,000 packets in flight
//   netstage_bench_gui trace OUT [MESSAGES] records the mass-mail scenario, a message every
//                                           2 ms (default 9,700 messages: a million records) to OUT
//   netstage_bench_gui read TRACE           reads TRACE, then builds the player's model and the
//                                           chart from it, timing each step
//   netstage_bench_gui open TRACE           opens TRACE in the window with the sequence chart
//                                           and the event list shown: time to the first frame,
//                                           peak RSS, then time per frame scrolling both
//   netstage_bench_gui hosts [N...]         a network of N hosts (default 500 1000 2000 4000),
//                                           with and without scenario positions, opened in the
//                                           window from a trace file: time to the first frame
//   netstage_bench_gui hosts-trace OUT N [unplaced]
//                                           writes that network's trace to OUT (for a timed
//                                           netstage-gui --screenshot run)
//
// Without arguments it measures both. "startup" counts from the moment the
// kernel started the process (/proc/self/stat, 10 ms resolution) and from
// main(), to the first frame of the window with the scenario's network on it.
// "render" draws the topology scene through a 1600x1000 view into an image
// at successive playback times, moving every packet each frame as playing does.

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QGraphicsView>
#include <QImage>
#include <QScrollBar>
#include <QTableView>
#include <QPainter>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "bench/mass_mail.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/events/event_list_panel.hpp"
#include "gui/model/playback.hpp"
#include "simulator/trace/json_lines_reader.hpp"
#include "simulator/trace/json_lines_writer.hpp"
#include "simulator/trace/msc_layout.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/scenario/run_scenario.hpp"

namespace {

using namespace netstage;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Seconds since the kernel started this process, or nothing if /proc says no.
std::optional<double> secondsSinceProcessStart() {
    std::ifstream stat{"/proc/self/stat"};
    std::string text{std::istreambuf_iterator<char>{stat}, {}};
    const auto close = text.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields{text.substr(close + 2)};
    std::string field;
    // Field 3 is the state; starttime is field 22.
    for (int i = 3; i < 22 && fields >> field; ++i) {
    }
    unsigned long long startTicks = 0;
    if (!(fields >> startTicks)) return std::nullopt;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double bootSeconds = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
    return bootSeconds - static_cast<double>(startTicks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

int benchStartup(const QString& scenario, Clock::time_point mainEntered) {
    gui::MainWindow window{gui::defaultTraceSource(), gui::MainWindow::Options{false}};
    window.resize(1600, 1000);
    window.show();
    if (!window.openFile(scenario)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(scenario));
        return 1;
    }
    while (window.scene().nodeItems().isEmpty()) QApplication::processEvents();
    QApplication::processEvents();
    const QImage frame = window.grab().toImage();  // the first frame, as a user would see it
    const double fromMain = secondsSince(mainEntered);
    const auto fromProcess = secondsSinceProcessStart();
    std::printf("startup %s: %zu nodes, first frame %dx%d\n", qPrintable(scenario), static_cast<std::size_t>(window.scene().nodeItems().size()),
                frame.width(), frame.height());
    // Labels are drawn at 17 pt in scene units; the view scales them.
    std::printf("  network view scale:  %7.2f (node labels %.1f pt)\n", window.topologyView().transform().m11(),
                17 * window.topologyView().transform().m11());
    std::printf("  from main():         %7.1f ms\n", fromMain * 1e3);
    if (fromProcess) std::printf("  from process start:  %7.1f ms (10 ms resolution)\n", *fromProcess * 1e3);
    std::printf("  target: 1000 ms  -> %s\n", fromProcess.value_or(fromMain) <= 1.0 ? "met" : "MISSED");
    return 0;
}

// A synthetic run: `hosts` hosts in a grid of routers, and `packets` packets
// that all leave within the first millisecond and stay on the wire for a
// second (slow links, long delays), so every one is in flight at once.
trace::TraceLog syntheticTrace(int hosts, int packets) {
    trace::TraceLog log;
    log.header = trace::TraceHeader{"bench-200-hosts", 1};
    const Time zero = Time::zero();
    const auto event = [&log, zero](std::string layer, std::string type, trace::Fields fields) {
        log.records.emplace_back(trace::Event{zero, "", std::move(layer), std::move(type), std::move(fields)});
    };
    event("scenario", "title", {{"title", std::string{"200 hosts, 1,000 packets in flight"}}});
    constexpr int perRouter = 10;
    const int routers = (hosts + perRouter - 1) / perRouter;
    const char* const roles[] = {"pc", "laptop", "phone", "mail-server", "dns-server", "ftp-server"};
    // Hosts first (ids 0..hosts-1), then routers; each router on a grid with
    // its hosts around it.
    for (int h = 0; h < hosts; ++h) {
        const std::string name = "host-" + std::to_string(h);
        const int r = h / perRouter;
        const int k = h % perRouter;
        const std::int64_t rx = (r % 5) * 1400;
        const std::int64_t ry = (r / 5) * 900;
        event("scenario", "host",
              {{"name", name}, {"role", std::string{roles[h % 6]}},
               {"x", rx + (k % 5) * 260 - 520}, {"y", ry + (k < 5 ? -340 : 340)}});
        event("topology", "node",
              {{"id", std::int64_t{h}}, {"name", name}, {"kind", std::string{"host"}},
               {"addresses", "10.0." + std::to_string(r) + "." + std::to_string(k + 2)}});
    }
    for (int r = 0; r < routers; ++r) {
        const std::string name = "router-" + std::to_string(r);
        event("scenario", "host",
              {{"name", name}, {"role", std::string{"router"}}, {"x", std::int64_t{(r % 5) * 1400}},
               {"y", std::int64_t{(r / 5) * 900}}});
        event("topology", "node",
              {{"id", std::int64_t{hosts + r}}, {"name", name}, {"kind", std::string{"router"}},
               {"addresses", "10.0." + std::to_string(r) + ".1"}});
    }
    std::int64_t linkId = 0;
    const auto link = [&](std::int64_t a, std::int64_t b) {
        event("topology", "link",
              {{"id", linkId++}, {"a", a}, {"b", b}, {"addressA", std::string{}}, {"addressB", std::string{}},
               {"rate_bps", std::int64_t{1'000'000}}, {"delay_ns", std::int64_t{1'000'000'000}},
               {"loss", std::string{"0"}}, {"queue", std::int64_t{100}}});
    };
    for (int h = 0; h < hosts; ++h) link(h, hosts + h / perRouter);
    for (int r = 0; r + 1 < routers; ++r) link(hosts + r, hosts + r + 1);

    for (int p = 0; p < packets; ++p) {
        const int h = p % hosts;
        Packet packet;
        packet.uid = static_cast<std::uint64_t>(p + 1);
        packet.ip.source = Ipv4Address{10, 0, static_cast<std::uint8_t>(h / perRouter), static_cast<std::uint8_t>(h % perRouter + 2)};
        packet.ip.destination = Ipv4Address{10, 9, 9, 9};
        packet.ip.protocol = IpProtocol::Tcp;
        TcpHeader tcp;
        tcp.sourcePort = static_cast<std::uint16_t>(49152 + p);
        // A third carry a line (a label), a third are control segments, a
        // third bulk data: the three forms the view draws.
        tcp.destinationPort = p % 3 == 2 ? std::uint16_t{20} : std::uint16_t{25};
        tcp.flags = tcp_flags::ack;
        packet.transport = tcp;
        if (p % 3 == 0) {
            const std::string line = "RCPT TO:<user" + std::to_string(p) + "@hamburger.edu>\r\n";
            packet.payload.assign(line.begin(), line.end());
        } else if (p % 3 == 2) {
            packet.payload.assign(512, std::uint8_t{0x2a});
        }
        trace::PacketRecord record;
        record.time = Time::fromMicroseconds(p);
        const bool fromHost = (p / hosts) % 2 == 0;
        record.node = static_cast<std::uint32_t>(fromHost ? h : hosts + h / perRouter);
        record.nodeName = fromHost ? "host-" + std::to_string(h) : "router-" + std::to_string(h / perRouter);
        record.link = h;
        record.action = trace::PacketAction::Sent;
        record.packet = std::move(packet);
        log.records.emplace_back(std::move(record));
    }
    log.end = Time::fromMilliseconds(1500);
    return log;
}

int benchRender(int frames) {
    constexpr int hosts = 200;
    constexpr int packets = 1000;
    gui::Playback playback{syntheticTrace(hosts, packets)};
    gui::TopologyScene scene;
    const auto built = Clock::now();
    scene.setPlayback(&playback);
    const double setupSeconds = secondsSince(built);

    // Through a view, as on screen: the view's item caches take part. The
    // whole network is in the picture, so every packet is drawn.
    QGraphicsView view{&scene};
    view.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view.setFrameShape(QFrame::NoFrame);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(1600, 1000);
    view.show();
    view.fitInView(scene.sceneRect(), Qt::KeepAspectRatio);
    QApplication::processEvents();
    QImage image{view.viewport()->size(), QImage::Format_ARGB32_Premultiplied};
    Clock::duration inShowCursor{};
    const auto renderAt = [&](Time t) {
        const auto cursorStart = Clock::now();
        playback.seekTime(t);
        scene.showCursor();
        inShowCursor += Clock::now() - cursorStart;
        view.viewport()->render(&image);
    };
    // Packets leave during the first millisecond and arrive after about a
    // second: [2 ms, 1000 ms] keeps all of them on the wire.
    const Time first = Time::fromMilliseconds(2);
    const Time span = Time::fromMilliseconds(990);
    renderAt(first);  // warm-up: fonts, caches
    const std::size_t inFlight = playback.hopsInFlight().size();
    const std::size_t shown = static_cast<std::size_t>(scene.visiblePackets().size());
    inShowCursor = {};
    const auto start = Clock::now();
    for (int i = 0; i < frames; ++i) renderAt(first + span * i / frames);
    const double seconds = secondsSince(start);
    const double fps = frames / seconds;
    std::printf("render: %d hosts + %d routers, %zu packets in flight (%zu drawn), %zu links, scene %.0fx%.0f -> %dx%d\n",
                hosts, (hosts + 9) / 10, inFlight, shown, static_cast<std::size_t>(scene.linkItems().size()),
                scene.sceneRect().width(), scene.sceneRect().height(), image.width(), image.height());
    std::printf("  scene built in        %7.1f ms\n", setupSeconds * 1e3);
    std::printf("  %d frames in          %7.1f ms: %.1f frames/s (%.2f ms/frame)\n", frames, seconds * 1e3, fps,
                seconds * 1e3 / frames);
    std::printf("  of which moving the packets (seekTime + showCursor): %.2f ms/frame\n",
                std::chrono::duration<double>(inShowCursor).count() * 1e3 / frames);
    std::printf("  target: 50 frames/s  -> %s\n", fps >= 50 ? "met" : "MISSED");
    return 0;
}

double peakRssMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

int writeBigTrace(const QString& path, std::size_t messages) {
    scenario::RunOptions options;
    options.tracePath = path.toStdString();
    const auto start = Clock::now();
    const scenario::ScenarioRun run = scenario::runScenario(bench::massMail(messages, 40, Time::fromMilliseconds(2)), options);
    std::printf("trace %s: %zu messages delivered, %llu simulator events, written in %.1f s\n", qPrintable(path),
                run.summary.delivered, static_cast<unsigned long long>(run.summary.events), secondsSince(start));
    return run.summary.delivered == messages ? 0 : 1;
}

// Scrolls a view's vertical bar through `steps` evenly spaced places,
// painting each; returns the mean and worst milliseconds per frame.
std::pair<double, double> scrollThrough(QAbstractScrollArea& area, int steps) {
    QScrollBar* bar = area.verticalScrollBar();
    QImage image{area.viewport()->size(), QImage::Format_ARGB32_Premultiplied};
    double total = 0;
    double worst = 0;
    for (int i = 0; i < steps; ++i) {
        const auto start = Clock::now();
        bar->setValue(bar->minimum() + static_cast<int>(static_cast<qint64>(bar->maximum() - bar->minimum()) * i / (steps - 1)));
        QApplication::processEvents();
        area.viewport()->render(&image);
        const double ms = secondsSince(start) * 1e3;
        total += ms;
        worst = std::max(worst, ms);
    }
    return {total / steps, worst};
}

int benchRead(const QString& path) {
    auto start = Clock::now();
    std::ifstream in{path.toStdString(), std::ios::binary};
    trace::TraceReadResult result = trace::JsonLinesReader::read(in);
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), result.error().toString().c_str());
        return 1;
    }
    trace::TraceLog log = std::move(result).log();
    std::printf("read %s: %zu records\n", qPrintable(path), log.records.size());
    std::printf("  JSON Lines reader:   %7.0f ms, peak RSS %.0f MB\n", secondsSince(start) * 1e3, peakRssMegabytes());
    start = Clock::now();
    const trace::MscChart chart = trace::buildMsc(log);
    std::printf("  buildMsc:            %7.0f ms, %zu arrows\n", secondsSince(start) * 1e3, chart.arrows.size());
    start = Clock::now();
    const trace::MscLayout layout = trace::layoutMsc(chart);
    std::printf("  layoutMsc:           %7.0f ms, %.0f px tall\n", secondsSince(start) * 1e3, layout.height);
    start = Clock::now();
    gui::Playback playback{std::move(log)};
    std::printf("  Playback:            %7.0f ms, %zu messages, %zu hops\n", secondsSince(start) * 1e3,
                playback.messages().size(), playback.hops().size());
    const std::size_t middle = playback.log().records.size() / 2;
    start = Clock::now();
    playback.seekPosition(middle);
    std::printf("  seek to the middle:  %7.1f ms\n", secondsSince(start) * 1e3);
    start = Clock::now();
    playback.previousMessage();
    std::printf("  one message back:    %7.1f ms\n", secondsSince(start) * 1e3);
    std::printf("  peak RSS:            %7.0f MB\n", peakRssMegabytes());
    return 0;
}

int benchOpen(const QString& path, Clock::time_point mainEntered) {
    gui::MainWindow window{gui::defaultTraceSource(), gui::MainWindow::Options{false}};
    window.resize(1600, 1000);
    window.show();
    window.panels().showPanel(QStringLiteral("chart"));
    window.panels().showPanel(QStringLiteral("events"));
    const auto openStart = Clock::now();
    if (!window.openFile(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    QApplication::processEvents();
    const QImage frame = window.grab().toImage();
    const double openSeconds = secondsSince(openStart);
    const double fromMain = secondsSince(mainEntered);
    const gui::Playback& playback = *window.player().playback();
    std::printf("open %s: %zu records, %zu chart arrows, first frame %dx%d\n", qPrintable(path),
                playback.log().records.size(), window.panels().chart().scene().arrowCount(), frame.width(),
                frame.height());
    std::printf("  openFile() to first frame: %7.0f ms\n", openSeconds * 1e3);
    std::printf("  from main():               %7.0f ms\n", fromMain * 1e3);
    std::printf("  peak RSS after opening:    %7.0f MB\n", peakRssMegabytes());
    std::printf("  target: 3000 ms, 1024 MB  -> %s\n", fromMain <= 3.0 && peakRssMegabytes() <= 1024 ? "met" : "MISSED");
    const auto [eventsMean, eventsWorst] = scrollThrough(window.panels().events().table(), 50);
    std::printf("  event list, 50 scroll steps: %.1f ms/frame mean, %.1f ms worst\n", eventsMean, eventsWorst);
    const auto [chartMean, chartWorst] = scrollThrough(window.panels().chart().view(), 50);
    std::printf("  sequence chart, 50 scroll steps: %.1f ms/frame mean, %.1f ms worst\n", chartMean, chartWorst);
    const auto seekStart = Clock::now();
    window.player().seekRecord(static_cast<qint64>(playback.log().records.size() / 2));
    QApplication::processEvents();
    std::printf("  seek to the middle: %.0f ms\n", secondsSince(seekStart) * 1e3);
    const auto backStart = Clock::now();
    window.player().previousMessage();
    QApplication::processEvents();
    std::printf("  one message back (Left), drawn: %.0f ms\n", secondsSince(backStart) * 1e3);
    std::printf("  peak RSS at the end:       %7.0f MB\n", peakRssMegabytes());
    return 0;
}

// The render benchmark's network without its packets' crowd (one packet a
// host), and, when `placed` is false, without scenario positions: the
// player lays it out itself.
trace::TraceLog hostsTrace(int hosts, bool placed) {
    trace::TraceLog log = syntheticTrace(hosts, hosts);
    for (auto& record : log.records) {
        auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || event->layer != "scenario") continue;
        if (event->type == "title") {
            event->fields = {{"title", std::to_string(hosts) + " hosts, " + (placed ? "placed" : "laid out by the player")}};
        } else if (event->type == "host" && !placed) {
            std::erase_if(event->fields, [](const auto& field) { return field.first == "x" || field.first == "y"; });
        }
    }
    return log;
}

bool writeTrace(const trace::TraceLog& log, const QString& path) {
    std::ofstream out{path.toStdString(), std::ios::binary};
    trace::JsonLinesWriter writer{out};
    trace::replay(log, writer);
    return static_cast<bool>(out.flush());
}

int writeHostsTrace(const QString& path, int hosts, bool placed) {
    if (!writeTrace(hostsTrace(hosts, placed), path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("wrote %s: %d hosts, %s\n", qPrintable(path), hosts, placed ? "placed" : "laid out by the player");
    return 0;
}

// Opening a large network: trace file -> window with the network drawn.
int benchHosts(const std::vector<int>& sizes) {
    const QTemporaryDir dir;
    bool met = true;
    for (const int hosts : sizes) {
        for (const bool placed : {true, false}) {
            const QString path = dir.filePath(QStringLiteral("hosts-%1.jsonl").arg(hosts));
            if (!writeTrace(hostsTrace(hosts, placed), path)) return 1;
            gui::MainWindow window{gui::defaultTraceSource(), gui::MainWindow::Options{false}};
            window.resize(1600, 1000);
            window.show();
            QApplication::processEvents();
            const auto start = Clock::now();
            if (!window.openFile(path)) {
                std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
                return 1;
            }
            QApplication::processEvents();
            const QImage frame = window.grab().toImage();
            const double seconds = secondsSince(start);
            std::printf("hosts %5d + %3d routers, %-9s: openFile() to first frame %7.0f ms (%lld nodes drawn)\n", hosts,
                        (hosts + 9) / 10, placed ? "placed" : "laid out", seconds * 1e3,
                        static_cast<long long>(window.scene().nodeItems().size()));
            if (hosts <= 2000 && seconds > 2.0) met = false;
        }
    }
    std::printf("  target: 2,000 hosts in under 2000 ms -> %s\n", met ? "met" : "MISSED");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto mainEntered = Clock::now();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app{argc, argv};
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString{};
    const QString argument = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString{};
    if (mode == QLatin1String("trace") && !argument.isEmpty()) {
        const std::size_t messages = argc > 3 ? std::stoul(argv[3]) : 9700;
        return writeBigTrace(argument, messages);
    }
    if (mode == QLatin1String("open") && !argument.isEmpty()) return benchOpen(argument, mainEntered);
    if (mode == QLatin1String("read") && !argument.isEmpty()) return benchRead(argument);
    if (mode == QLatin1String("hosts-trace") && argc > 3) {
        return writeHostsTrace(argument, std::atoi(argv[3]), !(argc > 4 && std::strcmp(argv[4], "unplaced") == 0));
    }
    if (mode == QLatin1String("hosts")) {
        std::vector<int> sizes;
        for (int i = 2; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
        if (sizes.empty()) sizes = {500, 1000, 2000, 4000};
        return benchHosts(sizes);
    }
    if (mode != QLatin1String("startup") && mode != QLatin1String("render") && !mode.isEmpty()) {
        std::fprintf(stderr, "usage: %s [startup [SCENARIO] | render [FRAMES] | trace OUT [MESSAGES] | read TRACE | open TRACE |"
                     " hosts [N...] | hosts-trace OUT N [unplaced]]\n",
                     argv[0]);
        return 2;
    }
    int status = 0;
    if (mode.isEmpty() || mode == QLatin1String("startup")) {
        QString scenario = mode.isEmpty() || argument.isEmpty() ? QString{} : argument;
        if (scenario.isEmpty()) scenario = QStringLiteral(NETSTAGE_SOURCE_DIR "/scenarios/01-smtp-alice-to-bob.yaml");
        status = benchStartup(scenario, mainEntered);
    }
    if (status == 0 && (mode.isEmpty() || mode == QLatin1String("render"))) {
        const int frames = mode.isEmpty() || argument.isEmpty() ? 200 : argument.toInt();
        status = benchRender(frames > 0 ? frames : 200);
    }
    return status;
}
