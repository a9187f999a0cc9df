// The send keys of a scenario (attachments, headers, bcc, envelope, 8bit):
// what they put on the wire and in the mailboxes, and what the loader refuses.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/send_loader.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"
#include "tests/scenario/scenario_error_text.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::scenario;

namespace {

// Line numbers in the expectations below count from this text.
const std::string base = R"(title: send keys
hosts:
  - {name: alice-pc, address: 10.0.1.2}
  - {name: crepes.fr, role: mail-server, address: 10.0.1.10}
routers:
  - name: r
links:
  - between: [alice-pc, r]
  - between: [crepes.fr, r]
mail_servers:
  - host: crepes.fr
    domain: crepes.fr
    users: [{name: alice, password: a}, {name: bob, password: b}, {name: dave, password: d}]
user_agents:
  - name: alice
    host: alice-pc
    address: alice@crepes.fr
    password: a
    server: crepes.fr
    actions:
      - at: 1s
        send: SEND
)";

std::string withSend(const std::string& send) {
    std::string text = base;
    text.replace(text.find("SEND"), 4, send);
    return text;
}

std::string errorFor(const std::string& send) { return test_support::scenarioErrorFor(withSend(send), "s.yaml"); }

// The messages in `user`'s INBOX on the one mail server after the run.
std::vector<std::string> mailboxAfterRun(const ScenarioSpec& spec, const std::string& server, const std::string& user) {
    trace::Tracer tracer;
    World world{spec, tracer};
    world.run();
    std::vector<std::string> out;
    for (const auto& mail : world.mailServers()) {
        if (mail->config().domain != server) continue;
        for (const auto& m : mail->store().maildrop(user)) out.push_back(*m.content);
    }
    return out;
}

}  // namespace

TEST(SendKeys, sizesAreOctetsWithDecimalAndBinaryUnits) {
    EXPECT_EQ(parseOctetCount("512"), 512u);
    EXPECT_EQ(parseOctetCount("200KB"), 200'000u);
    EXPECT_EQ(parseOctetCount("1.5MB"), 1'500'000u);
    EXPECT_EQ(parseOctetCount("2KiB"), 2048u);
    EXPECT_FALSE(parseOctetCount("1.5B"));
    EXPECT_FALSE(parseOctetCount("12 parsecs"));
    EXPECT_FALSE(parseOctetCount(""));
}

TEST(SendKeys, aGeneratedAttachmentHasItsSizeAndRepeatsItsPattern) {
    const auto spec = loadScenarioText(
        withSend("{to: bob@crepes.fr, body: hi, attachments: [{name: a.bin, generate: {size: 2KB, pattern: abc}}]}"), "s.yaml");
    const auto& a = spec.userAgents[0].actions[0].send.attachments.at(0);
    ASSERT_EQ(a.data.size(), 2000u);
    EXPECT_EQ(a.data.substr(0, 7), "abcabca");
    EXPECT_EQ(a.contentType, "application/octet-stream");
    const auto binary = loadScenarioText(withSend("{to: bob@crepes.fr, attachments: [{name: b, generate: {size: 300}}]}"), "s.yaml");
    const auto& bytes = binary.userAgents[0].actions[0].send.attachments.at(0).data;
    EXPECT_EQ(static_cast<unsigned char>(bytes[255]), 255);
    EXPECT_EQ(bytes[256], '\0');
}

TEST(SendKeys, badValuesAreRefusedWhereTheyAreWritten) {
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, attachments: [{name: a.png, base64: \"iVBO*w0\"}]}"),
              "s.yaml:22:81: expected base64 (A-Z, a-z, 0-9, +, / and = padding, RFC 4648 §4); character number 5 is '*'");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, attachments: [{name: a, generate: {size: 3 parsecs}}]}"),
              "s.yaml:22:86: expected a size such as 200KB, 1.5MB, 64KiB or 512 (octets), found '3 parsecs'");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, attachments: [{name: a, text: x, base64: eA==}]}"),
              "s.yaml:22:59: give an attachment's contents once: 'text', 'base64' or 'generate', not several");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, attachments: [{name: a, type: png, text: x}]}"),
              "s.yaml:22:75: expected a content type such as image/png or application/pdf (RFC 2045 §5.1), found 'png'");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, headers: {\"X Course\": y}}"),
              "s.yaml:22:55: expected a header field name such as Reply-To or X-Course (printable US-ASCII, no spaces or "
              "colons, RFC 5322 §3.6.8), found 'X Course'");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, headers: {Content-Type: text/html}}"),
              "s.yaml:22:55: the user agent writes Content-Type itself from the body and attachments; leave it out of headers");
    EXPECT_EQ(errorFor("{body: hi, headers: {To: \"Bob <nobody>\"}}"),
              "s.yaml:22:40: expected addresses such as \"Bob <bob@hamburger.edu>, carol@crepes.fr\" in the To field, found "
              "'Bob <nobody>'");
    EXPECT_EQ(errorFor("{body: hi, subject: x}"),
              "s.yaml:22:15: a message needs at least one recipient: give 'to', 'cc', 'bcc', a To, Cc or Bcc field in "
              "headers, or envelope: {to: ...}");
    EXPECT_EQ(errorFor("{to: bob@crepes.fr, body: hi, headers: false, bcc: dave@crepes.fr}"),
              "s.yaml:22:66: 'bcc' needs the header fields the user agent writes; leave out headers: false");
}

TEST(SendKeys, eightBitIsRefusedWhenTheServerDoesNotOfferIt) {
    std::string text = withSend("{to: bob@crepes.fr, body: \"Grüße\", 8bit: true}");
    text.replace(text.find("    domain: crepes.fr\n"), 22, "    domain: crepes.fr\n    offer_8bitmime: false\n");
    EXPECT_EQ(test_support::scenarioErrorFor(text, "s.yaml"),
              "s.yaml:23:41: this body has 8-bit text (octet number 3 is above 127) and crepes.fr does not offer 8BITMIME "
              "(offer_8bitmime: false at line 11): 8-bit text needs EHLO and a server that offers 8BITMIME (RFC 6152), so "
              "the user agent would refuse to send it; leave out 8bit: true to send it quoted-printable");
}

TEST(SendKeys, aBlindCopyIsDeliveredWithoutABccField) {
    const auto spec = loadScenarioText(withSend("{to: bob@crepes.fr, bcc: dave@crepes.fr, subject: s, body: hi}"), "s.yaml");
    const auto bob = mailboxAfterRun(spec, "crepes.fr", "bob");
    const auto dave = mailboxAfterRun(spec, "crepes.fr", "dave");
    ASSERT_EQ(bob.size(), 1u);
    ASSERT_EQ(dave.size(), 1u);
    EXPECT_EQ(dave[0].find("Bcc:"), std::string::npos) << dave[0];
    EXPECT_EQ(bob[0].find("dave"), std::string::npos) << bob[0];
    EXPECT_NE(dave[0].find("To: bob@crepes.fr\r\n"), std::string::npos) << dave[0];
}

TEST(SendKeys, theEnvelopeDecidesWhoReceivesAndTheHeaderIsOnlyText) {
    const auto spec = loadScenarioText(
        withSend("{headers: {To: \"Everyone <everyone@crepes.fr>\", X-Course: Networks}, envelope: {to: [dave@crepes.fr]}, "
                 "body: hi}"),
        "s.yaml");
    const auto dave = mailboxAfterRun(spec, "crepes.fr", "dave");
    ASSERT_EQ(dave.size(), 1u);
    EXPECT_NE(dave[0].find("To: Everyone <everyone@crepes.fr>\r\n"), std::string::npos) << dave[0];
    EXPECT_NE(dave[0].find("X-Course: Networks\r\n"), std::string::npos) << dave[0];
    EXPECT_TRUE(mailboxAfterRun(spec, "crepes.fr", "bob").empty());
}

// Python's email package, an independent peer, parses what scenario 01d sends into the same parts.
TEST(SendKeys, pythonsEmailPackageReadsTheMimeAttachmentScenariosMessage) {
    ASSERT_EQ(std::system("python3 -c 'import email.policy' >/dev/null 2>&1"), 0) << "python3 with its email package is needed";
    const auto spec = loadScenarioFile(test_support::scenarioPath("01d-mime-attachment"));
    const auto bob = mailboxAfterRun(spec, "hamburger.edu", "bob");
    ASSERT_EQ(bob.size(), 1u);
    const auto dir = std::filesystem::temp_directory_path() / ("netstage-send-keys-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream{dir / "message.eml", std::ios::binary} << bob[0];
    std::ofstream{dir / "peer.py"} << R"(import email, email.policy, hashlib, sys
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
print(m.get_content_type(), m['Subject'])
for p in m.iter_parts():
    data = p.get_payload(decode=True)
    print(p.get_content_type(), p.get('Content-Transfer-Encoding'), p.get_filename(), len(data),
          hashlib.sha256(data).hexdigest()[:16])
print(next(m.iter_parts()).get_content().strip())
)";
    const std::string out = (dir / "out.txt").string();
    ASSERT_EQ(std::system(("python3 '" + (dir / "peer.py").string() + "' '" + (dir / "message.eml").string() + "' >'" + out + "'")
                              .c_str()),
              0);
    std::stringstream text;
    text << std::ifstream{out}.rdbuf();
    const auto& png = spec.userAgents[0].actions[0].send.attachments.at(0).data;
    EXPECT_EQ(png.size(), 187u);
    EXPECT_NE(text.str().find("multipart/mixed Crêpes\n"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("text/plain quoted-printable None"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("image/png base64 crepe.png 187 "), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("Voilà the photo of our crêpes. Bon appétit!"), std::string::npos) << text.str();
    std::filesystem::remove_all(dir);
}
