// The FTP gateway rewrites exactly the addresses in PORT, EPRT, 227 and 229
// lines, whole, however the bytes are split, and passes everything else
// through at once.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "live/ftp_gateway.hpp"

using namespace netstage;
using namespace netstage::live;

namespace {

struct Gateway {
    std::vector<Endpoint> passiveAsked;
    std::vector<Endpoint> activeAsked;
    std::vector<std::string> rewrites;
    FtpGateway gateway{Ipv4Address{10, 0, 2, 21}, hooks()};

    FtpGatewayHooks hooks() {
        FtpGatewayHooks h;
        h.passive = [this](Endpoint simulated) -> std::optional<Endpoint> {
            passiveAsked.push_back(simulated);
            return Endpoint{Ipv4Address{127, 0, 0, 1}, 40000};
        };
        h.active = [this](Endpoint real) -> std::optional<Endpoint> {
            activeAsked.push_back(real);
            return Endpoint{Ipv4Address{10, 0, 99, 2}, 40001};
        };
        h.rewritten = [this](bool fromClient, const std::string& original, const std::string& rewritten) {
            rewrites.push_back(std::string{fromClient ? "C " : "S "} + original + " => " + rewritten);
        };
        return h;
    }
};

}  // namespace

TEST(FtpGateway, rewritesAPassiveReplyToALoopbackPort) {
    Gateway g;
    EXPECT_EQ(g.gateway.fromServer("227 Entering Passive Mode (10,0,2,21,195,80).\r\n"),
              "227 Entering Passive Mode (127,0,0,1,156,64).\r\n");
    ASSERT_EQ(g.passiveAsked.size(), 1u);
    EXPECT_EQ(g.passiveAsked[0].toString(), "10.0.2.21:50000");
    ASSERT_EQ(g.rewrites.size(), 1u);
    EXPECT_EQ(g.rewrites[0], "S 227 Entering Passive Mode (10,0,2,21,195,80). => 227 Entering Passive Mode (127,0,0,1,156,64).");
}

TEST(FtpGateway, rewritesAnExtendedPassiveReplyWithTheServersAddress) {
    Gateway g;
    EXPECT_EQ(g.gateway.fromServer("229 Entering Extended Passive Mode (|||50000|)\r\n"),
              "229 Entering Extended Passive Mode (|||40000|)\r\n");
    ASSERT_EQ(g.passiveAsked.size(), 1u);
    EXPECT_EQ(g.passiveAsked[0].toString(), "10.0.2.21:50000");
}

TEST(FtpGateway, rewritesPortAndEprtToTheSimulatedHost) {
    Gateway g;
    EXPECT_EQ(g.gateway.fromClient("PORT 127,0,0,1,171,3\r\n"), "PORT 10,0,99,2,156,65\r\n");
    EXPECT_EQ(g.gateway.fromClient("eprt |1|127.0.0.1|43779|\r\n"), "eprt |1|10.0.99.2|40001|\r\n");
    ASSERT_EQ(g.activeAsked.size(), 2u);
    EXPECT_EQ(g.activeAsked[0].toString(), "127.0.0.1:43779");
    EXPECT_EQ(g.activeAsked[1].toString(), "127.0.0.1:43779");
}

TEST(FtpGateway, aLineSplitAtEveryByteIsRewrittenWhole) {
    const std::string line = "PORT 127,0,0,1,171,3\r\nNOOP\r\n";
    for (std::size_t cut = 0; cut <= line.size(); ++cut) {
        Gateway g;
        std::string out = g.gateway.fromClient(line.substr(0, cut));
        out += g.gateway.fromClient(line.substr(cut));
        EXPECT_EQ(out, "PORT 10,0,99,2,156,65\r\nNOOP\r\n") << cut;
        EXPECT_EQ(g.activeAsked.size(), 1u) << cut;
    }
}

TEST(FtpGateway, otherBytesPassAtOnce) {
    Gateway g;
    // A student typing at telnet sees each key go through; nothing waits for the line's end.
    EXPECT_EQ(g.gateway.fromClient("US"), "US");
    EXPECT_EQ(g.gateway.fromClient("ER alice\r\n"), "ER alice\r\n");
    EXPECT_EQ(g.gateway.fromServer("230 Login successful\r\n"), "230 Login successful\r\n");
    // Only the start of what may be a PORT line is held.
    EXPECT_EQ(g.gateway.fromClient("PO"), "");
    EXPECT_EQ(g.gateway.fromClient("WD\r\n"), "POWD\r\n");
    // Telnet's interrupt before ABOR passes whole.
    EXPECT_EQ(g.gateway.fromClient("\xff\xf4\xff\xf2" "ABOR\r\n"), "\xff\xf4\xff\xf2" "ABOR\r\n");
    EXPECT_TRUE(g.rewrites.empty());
}

TEST(FtpGateway, malformedAddressesPassUnchanged) {
    Gateway g;
    for (const std::string line : {"PORT 127,0,0,1,171\r\n", "PORT 300,0,0,1,1,1\r\n", "PORT\r\n", "EPRT |2|::1|5282|\r\n",
                                   "EPRT |1|127.0.0.1|0|\r\n"}) {
        EXPECT_EQ(g.gateway.fromClient(line), line);
    }
    for (const std::string line : {"227 no numbers here\r\n", "229 Entering Extended Passive Mode (|||x|)\r\n"}) {
        EXPECT_EQ(g.gateway.fromServer(line), line);
    }
    EXPECT_TRUE(g.activeAsked.empty());
    EXPECT_TRUE(g.passiveAsked.empty());
}

TEST(FtpGateway, anOverlongLinePassesAsItIs) {
    Gateway g;
    const std::string line = "PORT " + std::string(FtpGateway::maxHeldLine + 10, '1') + "\r\n";
    std::string out;
    for (const char c : line) out += g.gateway.fromClient(std::string(1, c));
    EXPECT_EQ(out, line);
    EXPECT_TRUE(g.activeAsked.empty());
}

TEST(FtpGateway, readsHostPortText) {
    EXPECT_EQ(parseHostPort("10,0,2,21,195,80")->toString(), "10.0.2.21:50000");
    EXPECT_FALSE(parseHostPort("10,0,2,21,195").has_value());
    EXPECT_FALSE(parseHostPort("10,0,2,21,195,256").has_value());
    EXPECT_EQ(formatHostPort(Endpoint{Ipv4Address{127, 0, 0, 1}, 40000}), "127,0,0,1,156,64");
    EXPECT_EQ(parseExtendedPassivePort("229 Entering Extended Passive Mode (|||50000|)"), 50000);
    EXPECT_EQ(parseExtendedAddress("|1|127.0.0.1|43779|")->toString(), "127.0.0.1:43779");
    EXPECT_FALSE(parseExtendedAddress("|2|::1|43779|").has_value());
}
