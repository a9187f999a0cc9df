#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "gui/events/event_filter_proxy.hpp"
#include "gui/events/event_list_panel.hpp"
#include "gui/events/event_table_model.hpp"
#include "gui/model/playback.hpp"
#include "gui/player/player_controller.hpp"
#include "tests/gui/panel_fixtures.hpp"
#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using Tester = QAbstractItemModelTester;

int countIf(const trace::TraceLog& log, auto&& keep) {
    int count = 0;
    for (const auto& record : log.records) count += keep(record) ? 1 : 0;
    return count;
}

bool hasPort(const trace::Record& record, std::uint16_t port) {
    const auto* packet = std::get_if<trace::PacketRecord>(&record);
    if (packet == nullptr) return false;
    if (const auto* tcp = packet->packet.tcp()) return tcp->sourcePort == port || tcp->destinationPort == port;
    if (const auto* udp = packet->packet.udp()) return udp->sourcePort == port || udp->destinationPort == port;
    return false;
}

TEST(EventTableModel, passesTheModelTesterWithItsProxyWhileFiltersAndCursorChange) {
    const trace::TraceLog log = testing::smtpSampleTrace();
    EventTableModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester modelTester{&model, Tester::FailureReportingMode::Fatal};
    Tester proxyTester{&proxy, Tester::FailureReportingMode::Fatal};
    model.setLog(&log);
    ASSERT_EQ(model.rowCount(), static_cast<int>(log.records.size()));
    for (std::size_t i = 0; i < log.records.size(); i += 3) model.setCurrentRecord(i);
    proxy.setLayer(QStringLiteral("packet"));
    proxy.setProtocol(QStringLiteral("smtp"));
    proxy.setSearchText(QStringLiteral("ack"));
    proxy.sort(EventTableModel::SummaryColumn, Qt::DescendingOrder);
    proxy.sort(EventTableModel::TimeColumn, Qt::AscendingOrder);
    proxy.setSearchText({});
    proxy.setLayer({});
    proxy.setProtocol({});
    EXPECT_EQ(proxy.rowCount(), model.rowCount());
    model.setLog(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(EventTableModel, answersEveryCellAsTheRecordsDescriptionSays) {
    const trace::TraceLog& log = testing::scenario01Log();
    EventTableModel model;
    model.setLog(&log);
    ASSERT_EQ(model.rowCount(), static_cast<int>(log.records.size()));
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString().toStdString(); };
    for (int row = 0; row < model.rowCount(); ++row) {
        const EventRow expected = describeRecord(log.records[static_cast<std::size_t>(row)], static_cast<std::size_t>(row));
        EXPECT_EQ(cell(row, EventTableModel::TimeColumn), expected.timeText) << row;
        EXPECT_EQ(cell(row, EventTableModel::HostColumn), expected.host) << row;
        EXPECT_EQ(cell(row, EventTableModel::LayerColumn), expected.layer) << row;
        EXPECT_EQ(cell(row, EventTableModel::ProtocolColumn), expected.protocol) << row;
        EXPECT_EQ(cell(row, EventTableModel::SummaryColumn), expected.summary) << row;
        EXPECT_EQ(model.layerOfRow(row).toStdString(), expected.layer) << row;
        EXPECT_EQ(model.protocolOfRow(row).toStdString(), expected.protocol) << row;
    }
}

TEST(EventListPanel, onAHugeTraceTheSearchWaitsForAPauseInTyping) {
    // More records than an instant search allows: the sample's events, repeated.
    trace::TraceLog log = testing::smtpSampleTrace();
    const std::vector<trace::Record> once = log.records;
    while (log.records.size() <= static_cast<std::size_t>(EventListPanel::instantSearchRows)) {
        for (const auto& record : once) {
            if (std::holds_alternative<trace::Event>(record)) log.records.push_back(record);
        }
    }
    std::stable_sort(log.records.begin(), log.records.end(),
                     [](const trace::Record& a, const trace::Record& b) { return trace::timeOf(a) < trace::timeOf(b); });
    PlayerController player;
    EventListPanel panel{player};
    player.setDocument(std::make_unique<Playback>(std::move(log)));
    ASSERT_GT(panel.model().rowCount(), EventListPanel::instantSearchRows);

    panel.searchField().setText(QStringLiteral("MAIL FROM"));
    EXPECT_TRUE(panel.proxy().searchText().isEmpty());  // not yet: the user may still be typing
    EXPECT_TRUE(QTest::qWaitFor([&] { return !panel.proxy().searchText().isEmpty(); }, 5000));
    EXPECT_EQ(panel.proxy().searchText(), QStringLiteral("MAIL FROM"));
    EXPECT_GT(panel.proxy().rowCount(), 0);
    EXPECT_LT(panel.proxy().rowCount(), panel.model().rowCount());

    // Enter does not wait.
    panel.searchField().setText(QStringLiteral("RCPT TO"));
    QTest::keyClick(&panel.searchField(), Qt::Key_Return);
    EXPECT_EQ(panel.proxy().searchText(), QStringLiteral("RCPT TO"));
}

TEST(EventListPanel, letsGoOfTheOldDocumentBeforeThePlayerReplacesIt) {
    PlayerController player;
    EventListPanel panel{player};
    player.setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    ASSERT_GT(panel.model().rowCount(), 0);
    int rowsWhenAboutToChange = -1;
    QObject::connect(&player, &PlayerController::documentAboutToChange, &panel,
                     [&] { rowsWhenAboutToChange = panel.model().rowCount(); });
    player.setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    EXPECT_EQ(rowsWhenAboutToChange, 0);
    EXPECT_EQ(panel.model().rowCount(), static_cast<int>(testing::scenario01Log().records.size()));
}

TEST(EventTableModel, describesPacketsAndEventsInColumns) {
    const trace::TraceLog log = testing::smtpSampleTrace();
    EventTableModel model;
    model.setLog(&log);
    bool sawLine = false;
    bool sawSyn = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto cell = [&](int column) { return model.index(row, column).data().toString(); };
        EXPECT_EQ(model.index(row, 0).data(EventTableModel::recordRole).toULongLong(), static_cast<qulonglong>(row));
        if (cell(EventTableModel::SummaryColumn) == QStringLiteral("C: MAIL FROM: <alice@crepes.fr>")) {
            sawLine = true;
            EXPECT_EQ(cell(EventTableModel::LayerColumn), QStringLiteral("smtp"));
            EXPECT_EQ(cell(EventTableModel::ProtocolColumn), QStringLiteral("smtp"));
        }
        if (cell(EventTableModel::SummaryColumn).startsWith(QStringLiteral("sent 10.0.1.2:")) &&
            cell(EventTableModel::SummaryColumn).contains(QStringLiteral("TCP [SYN] seq="))) {
            sawSyn = true;
            EXPECT_EQ(cell(EventTableModel::LayerColumn), QStringLiteral("packet"));
            EXPECT_EQ(cell(EventTableModel::ProtocolColumn), QStringLiteral("smtp"));
            EXPECT_EQ(cell(EventTableModel::HostColumn), QStringLiteral("crepes.fr"));
        }
    }
    EXPECT_TRUE(sawLine);
    EXPECT_TRUE(sawSyn);
    EXPECT_EQ(model.headerData(EventTableModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("time (ms)"));
}

class EventFilterTest : public ::testing::Test {
protected:
    const trace::TraceLog& log = testing::scenario01Log();
    EventTableModel model;
    EventFilterProxy proxy;

    void SetUp() override {
        model.setLog(&log);
        proxy.setSourceModel(&model);
    }

    std::vector<std::size_t> shownRecords() const {
        std::vector<std::size_t> records;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            records.push_back(proxy.index(row, 0).data(EventTableModel::recordRole).toULongLong());
        }
        return records;
    }
};

TEST_F(EventFilterTest, connectionFilterShowsExactlyThatConnectionsPacketsAndEvents) {
    const auto& choices = model.connections();
    ASSERT_GE(choices.size(), 3u);  // submission, relay, POP3
    for (const auto& choice : choices) {
        // Counted from the log by text: "a:p-b:q" against each packet's two ends.
        const std::string key = choice.key.toStdString();
        const auto dash = key.find('-');
        ASSERT_NE(dash, std::string::npos);
        const std::string one = key.substr(0, dash);
        const std::string other = key.substr(dash + 1);
        const std::string reversed = other + "-" + one;
        const int expected = countIf(log, [&](const trace::Record& r) {
            if (const auto* packet = std::get_if<trace::PacketRecord>(&r)) {
                const auto* tcp = packet->packet.tcp();
                if (tcp == nullptr) return false;
                const std::string from = packet->packet.ip.source.toString() + ":" + std::to_string(tcp->sourcePort);
                const std::string to = packet->packet.ip.destination.toString() + ":" + std::to_string(tcp->destinationPort);
                return (from == one && to == other) || (from == other && to == one);
            }
            const auto& event = std::get<trace::Event>(r);
            for (const auto& [name, value] : event.fields) {
                if (name == "connection") return std::get<std::string>(value) == key || std::get<std::string>(value) == reversed;
            }
            return false;
        });
        proxy.setConnection(choice.key);
        EXPECT_GT(expected, 10) << key;
        EXPECT_EQ(proxy.rowCount(), expected) << key;
    }
    proxy.setConnection(QStringLiteral("not a connection"));
    EXPECT_EQ(proxy.rowCount(), 0);
    proxy.setConnection({});
    EXPECT_EQ(proxy.rowCount(), model.rowCount());
}

TEST_F(EventFilterTest, connectionsAreListedInOrderOfOpeningWithTheirHosts) {
    const auto& choices = model.connections();
    ASSERT_FALSE(choices.empty());
    EXPECT_TRUE(choices.front().label.startsWith(QStringLiteral("SMTP  alice-pc:"))) << choices.front().label.toStdString();
    EXPECT_TRUE(choices.front().label.endsWith(QStringLiteral(" \u2192 crepes.fr:25"))) << choices.front().label.toStdString();
    EXPECT_TRUE(std::any_of(choices.begin(), choices.end(), [](const EventTableModel::ConnectionChoice& c) {
        return c.label.startsWith(QStringLiteral("POP3  bob-pc:"));
    }));
}

TEST_F(EventFilterTest, layerFilterShowsExactlyThePacketRecords) {
    proxy.setLayer(QStringLiteral("packet"));
    const int packets = countIf(log, [](const trace::Record& r) { return std::holds_alternative<trace::PacketRecord>(r); });
    ASSERT_GT(packets, 0);
    EXPECT_EQ(proxy.rowCount(), packets);
    for (std::size_t record : shownRecords()) EXPECT_TRUE(std::holds_alternative<trace::PacketRecord>(log.records[record]));
}

TEST_F(EventFilterTest, layerFilterShowsExactlyTheEventsOfThatLayer) {
    proxy.setLayer(QStringLiteral("tcp"));
    const int tcpEvents = countIf(log, [](const trace::Record& r) {
        const auto* event = std::get_if<trace::Event>(&r);
        return event != nullptr && event->layer == "tcp";
    });
    ASSERT_GT(tcpEvents, 0);
    EXPECT_EQ(proxy.rowCount(), tcpEvents);
}

TEST_F(EventFilterTest, protocolFilterShowsExactlyDnsPacketsAndDnsEvents) {
    proxy.setProtocol(QStringLiteral("dns"));
    const int dns = countIf(log, [](const trace::Record& r) {
        const auto* event = std::get_if<trace::Event>(&r);
        return hasPort(r, 53) || (event != nullptr && event->layer == "dns");
    });
    ASSERT_GT(dns, 0);
    EXPECT_EQ(proxy.rowCount(), dns);
}

TEST_F(EventFilterTest, layerAndProtocolTogetherShowOnlyTheirIntersection) {
    proxy.setLayer(QStringLiteral("packet"));
    proxy.setProtocol(QStringLiteral("smtp"));
    const int smtpPackets = countIf(log, [](const trace::Record& r) { return hasPort(r, 25); });
    ASSERT_GT(smtpPackets, 0);
    EXPECT_EQ(proxy.rowCount(), smtpPackets);
}

TEST_F(EventFilterTest, searchShowsExactlyTheRowsContainingTheTextInAnyCase) {
    proxy.setSearchText(QStringLiteral("mail from"));
    int expected = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        bool contains = false;
        for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
            contains = contains || model.index(row, column).data().toString().contains(QStringLiteral("MAIL FROM"));
        }
        expected += contains ? 1 : 0;
    }
    ASSERT_GT(expected, 0);
    EXPECT_EQ(proxy.rowCount(), expected);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        EXPECT_TRUE(proxy.index(row, EventTableModel::SummaryColumn).data().toString().contains(QStringLiteral("MAIL FROM")));
    }
    proxy.setSearchText(QStringLiteral("no such text anywhere"));
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(EventListPanel, followsTheCursorAndMovesItWhenARowIsClicked) {
    PlayerController player;
    EventListPanel panel{player};
    panel.resize(900, 400);
    panel.show();
    player.setDocument(std::make_unique<Playback>(testing::smtpSampleTrace()));
    EXPECT_FALSE(panel.model().currentRecord().has_value());
    player.seekMessage(3);
    const std::size_t current = player.playback()->position() - 1;
    ASSERT_EQ(panel.model().currentRecord(), current);
    const QModelIndex selected = panel.table().currentIndex();
    ASSERT_TRUE(selected.isValid());
    EXPECT_EQ(selected.data(EventTableModel::recordRole).toULongLong(), current);

    panel.activateRow(panel.proxy().index(5, 0));
    EXPECT_EQ(player.playback()->position(), 6u);
    EXPECT_EQ(panel.model().currentRecord(), 5u);
}

TEST(EventListPanel, offersTheLayersAndProtocolsOfTheDocumentAsFilters) {
    PlayerController player;
    EventListPanel panel{player};
    player.setDocument(std::make_unique<Playback>(testing::smtpSampleTrace()));
    EXPECT_EQ(panel.layerFilter().itemText(0), QStringLiteral("all"));
    EXPECT_GE(panel.layerFilter().findText(QStringLiteral("packet")), 1);
    EXPECT_GE(panel.protocolFilter().findText(QStringLiteral("dns")), 1);
    panel.protocolFilter().setCurrentIndex(panel.protocolFilter().findText(QStringLiteral("dns")));
    EXPECT_EQ(panel.proxy().protocol(), QStringLiteral("dns"));
    panel.searchField().setText(QStringLiteral("query"));
    EXPECT_EQ(panel.proxy().searchText(), QStringLiteral("query"));
    for (int row = 0; row < panel.proxy().rowCount(); ++row) {
        EXPECT_EQ(panel.proxy().index(row, EventTableModel::ProtocolColumn).data().toString(), QStringLiteral("dns"));
    }
}

}  // namespace
}  // namespace netstage::gui
