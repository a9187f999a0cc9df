// Every shipped scenario, at many moments of its run: no node name, link
// label or packet label covers another.
#include <QDir>
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "gui/model/playback.hpp"
#include "gui/scene/link_item.hpp"
#include "gui/scene/node_item.hpp"
#include "gui/scene/packet_item.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

struct Labelled {
    QString what;
    QRectF rect;
};

std::vector<Labelled> labelsOf(const TopologyScene& scene) {
    std::vector<Labelled> out;
    for (const NodeItem* node : scene.nodeItems()) {
        out.push_back({QStringLiteral("name of ") + node->name(), node->mapRectToScene(node->nameRect())});
    }
    for (const LinkItem* link : scene.linkItems()) {
        out.push_back({QStringLiteral("link label ") + link->label(), link->labelRect()});
    }
    for (const PacketItem* packet : scene.visiblePackets()) {
        if (packet->labelRect().isEmpty()) continue;
        out.push_back({QStringLiteral("packet ") + packet->text(), packet->mapRectToScene(packet->labelRect())});
    }
    return out;
}

// "" when nothing overlaps, else the first overlap found.
std::string firstOverlap(const TopologyScene& scene) {
    const auto labels = labelsOf(scene);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            const QRectF overlap = labels[i].rect.intersected(labels[j].rect);
            if (overlap.width() > 0.5 && overlap.height() > 0.5) {
                return (labels[i].what + QStringLiteral(" covers ") + labels[j].what).toStdString();
            }
        }
    }
    return {};
}

void expectNoOverlapInAnyShippedScenario(const std::string& look) {
    const QDir dir{QString::fromStdString(netstage::test_support::sourcePath("scenarios").string())};
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 7);
    for (const QString& file : files) {
        auto result = scenario::runScenarioToLog(dir.filePath(file).toStdString());
        ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(result)) << file.toStdString();
        Playback playback{std::get<trace::TraceLog>(std::move(result))};
        TopologyScene scene;
        scene.setPlayback(&playback);
        EXPECT_EQ(firstOverlap(scene), "") << file.toStdString() << " at the start, " << look;
        // Every application message, and moments between them while packets
        // are on the wire (their labels move).
        const std::size_t messages = playback.messages().size();
        int moments = 0;
        int withPackets = 0;
        for (std::size_t m = 0; m < messages; ++m) {
            playback.seekMessage(m);
            const Time at = playback.time();
            for (const std::int64_t after : {0, 2'000'000, 5'000'000, 11'000'000}) {
                playback.seekTime(at + Time::fromNanoseconds(after));
                scene.showCursor();
                ++moments;
                if (!scene.visiblePackets().isEmpty()) ++withPackets;
                const std::string overlap = firstOverlap(scene);
                EXPECT_EQ(overlap, "") << file.toStdString() << " at message " << m + 1 << " +" << after / 1'000'000
                                       << " ms, " << look;
                if (!overlap.empty()) break;
            }
        }
        EXPECT_GT(withPackets, 0) << file.toStdString() << ": " << moments << " moments, none with a packet";
    }
}

TEST(LabelOverlap, noLabelCoversANodeNameOrAnotherLabelInAnyShippedScenario) {
    expectNoOverlapInAnyShippedScenario("light theme");
}

TEST(LabelOverlap, noLabelCoversAnotherInPresentationModesLargerType) {
    const look::Theme theme = look::theme();
    const double scale = look::fontScale();
    look::setLook(look::Theme::HighContrast, ThemeController::presentationFontScale);
    expectNoOverlapInAnyShippedScenario("presentation type");
    look::setLook(theme, scale);
}

}  // namespace
}  // namespace netstage::gui
