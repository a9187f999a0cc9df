#include "simulator/trace/protocol_table.hpp"

#include <gtest/gtest.h>

namespace netstage::trace {
namespace {

TEST(ProtocolTable, namesTheWellKnownPorts) {
    EXPECT_EQ(protocolOfPort(21), "ftp");
    EXPECT_EQ(protocolOfPort(25), "smtp");
    EXPECT_EQ(protocolOfPort(53), "dns");
    EXPECT_EQ(protocolOfPort(80), "http");
    EXPECT_EQ(protocolOfPort(110), "pop3");
    EXPECT_EQ(protocolOfPort(143), "imap");
    EXPECT_EQ(protocolOfPort(49152), "");
    EXPECT_EQ(protocolOfPort(50000), "");  // a passive FTP data port belongs to no protocol by number
    EXPECT_EQ(wellKnownPort(8080), nullptr);
}

TEST(ProtocolTable, port20IsFtpData) {
    const WellKnownPort* port = wellKnownPort(20);
    ASSERT_NE(port, nullptr);
    EXPECT_EQ(port->protocol, "ftp");
    EXPECT_EQ(port->role, "data");
    EXPECT_EQ(wellKnownPort(21)->role, "control");
    EXPECT_EQ(wellKnownPort(25)->role, "session");
}

TEST(ProtocolTable, takesTheProtocolOfWhicheverEndIsWellKnown) {
    EXPECT_EQ(protocolOfPorts(49152, 25), "smtp");
    EXPECT_EQ(protocolOfPorts(110, 49153), "pop3");
    EXPECT_EQ(protocolOfPorts(20, 49154), "ftp");
    EXPECT_EQ(protocolOfPorts(49152, 50000), "");
}

TEST(ProtocolTable, knowsWhichLayersAreProtocolsAndWhichWriteDialogues) {
    for (const char* layer : {"smtp", "pop3", "imap", "ftp", "http"}) {
        EXPECT_NE(protocolOfLayer(layer), nullptr) << layer;
        EXPECT_TRUE(hasDialogue(layer)) << layer;
    }
    EXPECT_NE(protocolOfLayer("dns"), nullptr);
    EXPECT_FALSE(hasDialogue("dns"));  // query/answer events, no open/line/close
    for (const char* layer : {"tcp", "mail", "narration", "SMTP", ""}) {
        EXPECT_EQ(protocolOfLayer(layer), nullptr) << layer;
        EXPECT_FALSE(hasDialogue(layer)) << layer;
    }
}

TEST(ProtocolTable, everyPortBelongsToAProtocolOfTheTable) {
    for (const auto& port : wellKnownPorts()) EXPECT_NE(protocolOfLayer(port.protocol), nullptr) << port.port;
    EXPECT_EQ(protocols().size(), 6u);
}

}  // namespace
}  // namespace netstage::trace
