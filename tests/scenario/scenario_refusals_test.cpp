// Everything a run would refuse, or would get wrong in silence, is refused when
// the scenario is loaded, with the file, line and column of the value.

#include <gtest/gtest.h>

#include <string>

#include "simulator/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_error_text.hpp"

using namespace netstage::scenario;

namespace {

// Line numbers in the expectations below count from this text.
const std::string mailScenario = R"(title: refusals
hosts:
  - {name: alice-pc, address: 10.0.1.2}
  - {name: crepes.fr, role: mail-server, address: 10.0.1.10}
  - {name: hamburger.edu, role: mail-server, address: 10.0.2.10}
routers:
  - name: r
links:
  - between: [alice-pc, r]
  - between: [crepes.fr, r]
  - between: [hamburger.edu, r]
mail_servers:
  - host: crepes.fr
    domain: crepes.fr
    users: [{name: alice, password: secret}]
  - host: hamburger.edu
    domain: hamburger.edu
    users: [{name: bob, password: hunter2}]
user_agents:
  - name: alice
    host: alice-pc
    address: alice@crepes.fr
    password: secret
    server: crepes.fr
    actions:
      - at: 1s
        send: {to: bob@hamburger.edu, subject: hi, body: hello}
)";

const std::string ftpScenario = R"(title: ftp
hosts:
  - {name: pc, address: 10.0.1.2}
  - {name: ftp.school.edu, address: 10.0.2.10}
routers:
  - name: r
links:
  - between: [pc, r]
  - between: [ftp.school.edu, r]
ftp_servers:
  - host: ftp.school.edu
    users:
      - name: student
        password: pw
        files:
          - {path: /reports/readme.txt, text: hello}
ftp_clients:
  - host: pc
    server: ftp.school.edu
    user: student
    password: pw
    commands:
      - {at: 1s, do: login}
      - {at: 2s, do: get, file: readme.txt}
)";

// `text` with its one occurrence of `from` replaced by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "the fixture has no '" << from << "'";
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

std::string errorFor(const std::string& text) { return netstage::test_support::scenarioErrorFor(text, "s.yaml"); }

}  // namespace

TEST(ScenarioRefusals, theFixturesThemselvesAreAccepted) {
    EXPECT_NO_THROW(loadScenarioText(mailScenario, "s.yaml"));
    EXPECT_NO_THROW(loadScenarioText(ftpScenario, "s.yaml"));
}

// --- what a run would refuse -------------------------------------------------

// With MIME a user agent sends such text as encoded-words and quoted-printable (RFC 2047, 2045).
TEST(ScenarioRefusals, aNonAsciiSubjectOrBodyIsAcceptedAndSentWithMime) {
    const auto spec = loadScenarioText(
        with(with(mailScenario, "subject: hi", "subject: \"Grüße aus München\""), "body: hello}", "body: \"Grüße\"}"), "s.yaml");
    EXPECT_TRUE(spec.userAgents[0].actions[0].send.usesMime());
    EXPECT_FALSE(loadScenarioText(mailScenario, "s.yaml").userAgents[0].actions[0].send.usesMime());
}

TEST(ScenarioRefusals, aBodyLineTheServerWouldRefuseIsRefusedEvenWithoutHeaders) {
    const std::string longLine = std::string(999, 'x');
    EXPECT_EQ(errorFor(with(mailScenario, "body: hello}", "body: \"ok\\n" + longLine + "\", headers: false}")),
              "s.yaml:27:58: line 2 of the body is 999 octets; SMTP allows at most 998 (RFC 5321 §4.5.3.1.6), so the "
              "server would refuse the message");
    EXPECT_NO_THROW(loadScenarioText(
        with(mailScenario, "body: hello}", "body: \"" + std::string(998, 'x') + "\", headers: false}"), "s.yaml"));
}

TEST(ScenarioRefusals, eightBitTextFromAUserAgentThatSaysHeloIsRefusedAtTheBody) {
    const std::string helo = with(mailScenario, "    server: crepes.fr\n", "    server: crepes.fr\n    smtp: {ehlo: false}\n");
    EXPECT_EQ(errorFor(with(helo, "body: hello}", "body: \"Grüße\", headers: false}")),
              "s.yaml:28:58: this body has 8-bit text (octet number 3 is above 127) and the user agent says HELO (smtp: "
              "{ehlo: false} at line 25): 8-bit text needs EHLO and a server that offers 8BITMIME (RFC 6152), so the user "
              "agent would refuse to send it; write the body in US-ASCII or let it say EHLO");
    // The same words in US-ASCII go out after HELO.
    EXPECT_NO_THROW(loadScenarioText(with(helo, "body: hello}", "body: \"Gruesse\", headers: false}"), "s.yaml"));
}

TEST(ScenarioRefusals, eightBitTextThatItsServerRelaysWithHeloIsRefusedAtTheBody) {
    const std::string helo =
        with(mailScenario, "    domain: crepes.fr\n", "    domain: crepes.fr\n    relay_smtp: {ehlo: false}\n");
    const std::string eightBit = "body: \"Grüße\", headers: false}";
    EXPECT_EQ(errorFor(with(helo, "body: hello}", eightBit)),
              "s.yaml:28:58: this body has 8-bit text (octet number 3 is above 127) and crepes.fr relays it to "
              "bob@hamburger.edu with HELO (relay_smtp: {ehlo: false} at line 15): 8-bit text needs EHLO and a server that "
              "offers 8BITMIME (RFC 6152), so crepes.fr would refuse to relay it; write the body in US-ASCII or let "
              "crepes.fr relay with EHLO");
    // A copy to another domain is relayed too.
    EXPECT_EQ(errorFor(with(with(helo, "to: bob@hamburger.edu,", "to: alice@crepes.fr, cc: bob@Hamburger.edu,"), "body: hello}",
                            eightBit)),
              "s.yaml:28:79: this body has 8-bit text (octet number 3 is above 127) and crepes.fr relays it to "
              "bob@Hamburger.edu with HELO (relay_smtp: {ehlo: false} at line 15): 8-bit text needs EHLO and a server that "
              "offers 8BITMIME (RFC 6152), so crepes.fr would refuse to relay it; write the body in US-ASCII or let "
              "crepes.fr relay with EHLO");
    // A message for the server's own domain is not relayed: it is stored as it came, after EHLO with 8BITMIME.
    EXPECT_NO_THROW(loadScenarioText(
        with(with(helo, "to: bob@hamburger.edu,", "to: alice@CREPES.fr,"), "body: hello}", eightBit), "s.yaml"));
}

TEST(ScenarioRefusals, eightBitTextIsAcceptedWhenEveryClientOnItsWaySaysEhlo) {
    // Every mail server in a scenario offers 8BITMIME, so after EHLO the text goes with BODY=8BITMIME.
    EXPECT_NO_THROW(loadScenarioText(with(mailScenario, "body: hello}", "body: \"Grüße\", headers: false}"), "s.yaml"));
}

TEST(ScenarioRefusals, aMessageWithoutRecipientsIsRefusedAtItsToKey) {
    EXPECT_EQ(errorFor(with(mailScenario, "to: bob@hamburger.edu,", "to: [],")),
              "s.yaml:27:20: a message needs at least one recipient in 'to'");
}

TEST(ScenarioRefusals, aPop3ReadWithoutAPasswordIsRefusedAtTheRead) {
    std::string text = with(mailScenario, "    password: secret\n    server", "    server");
    text += "      - at: 2s\n        pop3: {}\n";
    EXPECT_EQ(errorFor(text), "s.yaml:28:15: a POP3 read needs the user agent's password: give 'password:' to the user "
                              "agent at line 20");
}

TEST(ScenarioRefusals, aPop3GreetingMustStartWithOk) {
    EXPECT_EQ(errorFor(with(mailScenario, "    domain: crepes.fr\n", "    domain: crepes.fr\n    pop3_replies: {greeting: hello}\n")),
              "s.yaml:15:30: the POP3 reply text 'greeting' must start with +OK, found 'hello'");
}

TEST(ScenarioRefusals, aStoredMessageLargerThanItsSizeIsRefusedAtTheSize) {
    const std::string users = "users: [{name: bob, password: hunter2}]";
    EXPECT_EQ(errorFor(with(mailScenario, users,
                            "users: [{name: bob, messages: [{from: a@b.c, subject: hi, body: hello, size: 10}]}]")),
              "s.yaml:18:82: the message is already 74 octets (with CRLF line ends), more than its size 10");
}

TEST(ScenarioRefusals, aStoredMessageWithoutOriginatorIsRefusedAtLoadTime) {
    const std::string users = "users: [{name: bob, password: hunter2}]";
    EXPECT_EQ(errorFor(with(mailScenario, users, "users: [{name: bob, messages: [{subject: hi}]}]")),
              "s.yaml:18:36: cannot compose this message: from: a message needs an originator (RFC 5322 §3.6)");
}

TEST(ScenarioRefusals, aUserAgentWhoseServerRunsNoMailServerIsRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "    server: crepes.fr", "    server: alice-pc")),
              "s.yaml:24:13: 'alice-pc' runs no mail server (list it under mail_servers)");
}

TEST(ScenarioRefusals, anAddressOfZeroIsNotAnInterfaceAddress) {
    EXPECT_EQ(errorFor(with(mailScenario, "address: 10.0.1.2}", "address: 0.0.0.0}")),
              "s.yaml:3:31: 0.0.0.0 is not an interface address (it means 'no address')");
}

TEST(ScenarioRefusals, aHostWithASecondLinkIsRefusedAtThatLink) {
    EXPECT_EQ(errorFor(with(mailScenario, "  - between: [crepes.fr, r]", "  - between: [crepes.fr, alice-pc]")),
              "s.yaml:10:5: the host 'alice-pc' is already connected by the link at line 9; a host has one network "
              "interface (connect it to a router, or give this link addresses: [first-end, second-end])");
}

TEST(ScenarioRefusals, moreThan256LinksBetweenRoutersAllGetAddresses) {
    std::string text = "title: ring\nhosts: []\nrouters:\n";
    for (int i = 0; i < 300; ++i) text += "  - name: r" + std::to_string(i) + "\n";
    text += "links:\n";
    for (int i = 0; i < 300; ++i) {
        text += "  - between: [r" + std::to_string(i) + ", r" + std::to_string((i + 1) % 300) + "]\n";
    }
    EXPECT_NO_THROW(loadScenarioText(text, "s.yaml"));
}

TEST(ScenarioRefusals, aRouterLinkAddressTakenByAHostIsNeverReused) {
    // 10.255.0.1 is where the first router-to-router link would go.
    const std::string text = "title: x\nhosts:\n  - {name: h, address: 10.255.0.1}\nrouters: [{name: a}, {name: b}]\n"
                             "links:\n  - between: [a, b]\n  - between: [h, a]\n";
    EXPECT_NO_THROW(loadScenarioText(text, "s.yaml"));
    const std::string clash = "title: x\nhosts:\n  - {name: h, address: 10.0.0.1}\nrouters: [{name: a}, {name: b}]\n"
                              "links:\n  - between: [h, a]\n  - {between: [a, b], addresses: [10.0.0.1, 10.0.0.2]}\n";
    EXPECT_EQ(errorFor(clash), "s.yaml:7:35: the address 10.0.0.1 is already used by another interface");
}

// --- duplicates --------------------------------------------------------------

TEST(ScenarioRefusals, twoMailServersOnOneHostAreRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "  - host: hamburger.edu", "  - host: crepes.fr")),
              "s.yaml:16:11: 'crepes.fr' already runs a mail server (line 13); give one entry per host");
}

TEST(ScenarioRefusals, twoUserAgentsWithOneNameAreRefused) {
    const std::string second = "  - name: alice\n    host: alice-pc\n    address: carol@crepes.fr\n    server: crepes.fr\n";
    EXPECT_EQ(errorFor(mailScenario + second),
              "s.yaml:28:11: the user agent name 'alice' is already used (line 20); give each user agent its own name");
}

TEST(ScenarioRefusals, twoMailUsersWithOneNameAreRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "users: [{name: alice, password: secret}]",
                            "users: [{name: alice, password: secret}, {name: alice}]")),
              "s.yaml:15:53: the user 'alice' is already defined");
}

TEST(ScenarioRefusals, twoLinksBetweenTheSamePairAreRefusedInEitherOrder) {
    EXPECT_EQ(errorFor(with(mailScenario, "  - between: [crepes.fr, r]\n",
                            "  - between: [crepes.fr, r]\n  - between: [r, crepes.fr]\n")),
              "s.yaml:11:14: there is already a link between 'r' and 'crepes.fr' (line 10)");
}

TEST(ScenarioRefusals, conflictingAndRepeatedDnsRecordsAreRefused) {
    const std::string dns = "dns:\n  server: hamburger.edu\n  records:\n    - {name: crepes.fr, type: A, address: 10.0.1.10}\n";
    EXPECT_EQ(errorFor(mailScenario + dns + "    - {name: Crepes.fr., type: A, address: 10.0.1.11}\n"),
              "s.yaml:32:14: this A record conflicts with the one at line 31 (Crepes.fr. -> 10.0.1.10); give each name "
              "one address");
    EXPECT_EQ(errorFor(mailScenario + dns + "    - {name: crepes.fr, type: A, address: 10.0.1.10}\n"),
              "s.yaml:32:14: this A record repeats the one at line 31 (crepes.fr -> 10.0.1.10); give each name one address");
    const std::string mx = "    - {name: crepes.fr, type: MX, exchange: crepes.fr}\n";
    EXPECT_EQ(errorFor(mailScenario + dns + mx + mx),
              "s.yaml:33:45: this MX record names the same exchange for crepes.fr as the one at line 32");
}

TEST(ScenarioRefusals, aDuplicateYamlKeyIsRefusedRatherThanTheFirstWinning) {
    EXPECT_EQ(errorFor(with(mailScenario, "title: refusals\n", "title: refusals\nseed: 1\nseed: 7\n")),
              "s.yaml:3:1: the key 'seed' appears twice in this mapping (first at line 2); remove one");
    EXPECT_EQ(errorFor(with(mailScenario, "{name: alice-pc, address: 10.0.1.2}", "{name: alice-pc, address: 10.0.1.2, name: b}")),
              "s.yaml:3:41: the key 'name' appears twice in this mapping (first at line 3); remove one");
}

// --- CR and LF never reach the wire ------------------------------------------

TEST(ScenarioRefusals, aGreetingWithALineBreakIsRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "    domain: crepes.fr\n",
                            "    domain: crepes.fr\n    smtp_replies: {greeting: \"{domain}\\r\\n250 fake\"}\n")),
              "s.yaml:15:30: the SMTP reply text 'greeting' must be one line, but it holds a carriage return (CR) at "
              "character 9: it would put a line of its own on the wire");
}

TEST(ScenarioRefusals, aRecipientWithALineBreakIsRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "to: bob@hamburger.edu,", "to: \"bob@hamburger.edu>\\r\\nRCPT TO:<eve@x.org>\",")),
              "s.yaml:27:20: an e-mail address must be one line, but it holds a carriage return (CR) at character 19: it "
              "would put a line of its own on the wire");
}

TEST(ScenarioRefusals, anFtpFileNameWithALineBreakIsRefused) {
    EXPECT_EQ(errorFor(with(ftpScenario, "file: readme.txt}", "file: \"x\\r\\nDELE /reports/readme.txt\"}")),
              "s.yaml:24:33: an FTP file name must be one line, but it holds a carriage return (CR) at character 2: it "
              "would put a line of its own on the wire");
}

TEST(ScenarioRefusals, everyOtherTextThatBecomesAProtocolLineIsOneLine) {
    EXPECT_EQ(errorFor(with(mailScenario, "password: secret\n    server", "password: \"se\\ncret\"\n    server")),
              "s.yaml:23:15: the password must be one line, but it holds a line feed (LF) at character 3: it would put a "
              "line of its own on the wire");
    EXPECT_EQ(errorFor(with(mailScenario, "subject: hi", "subject: \"hi\\nBcc: eve@x.org\"")),
              "s.yaml:27:48: the subject must be one line, but it holds a line feed (LF) at character 3: it would put a line "
              "of its own on the wire");
    EXPECT_EQ(errorFor(with(ftpScenario, "    user: student", "    user: \"student\\r\\nDELE x\"")),
              "s.yaml:20:11: the user name must be one line, but it holds a carriage return (CR) at character 8: it would "
              "put a line of its own on the wire");
    EXPECT_EQ(errorFor(with(mailScenario, "    domain: crepes.fr\n", "    domain: crepes.fr\n    relay_smtp: {helo_domain: \"a\\nb\"}\n")),
              "s.yaml:15:31: the HELO domain must be one line, but it holds a line feed (LF) at character 2: it would put a "
              "line of its own on the wire");
}

TEST(ScenarioRefusals, hostNamesFollowRfc1123) {
    EXPECT_EQ(errorFor(with(mailScenario, "{name: alice-pc,", "{name: \"alice-pc\\u00e9\",")),
              "s.yaml:3:12: expected a host or router name such as alice-pc or mail.crepes.fr (letters, digits and hyphens, "
              "in dot-separated labels of at most 63 characters; RFC 1123), found 'alice-pc\xC3\xA9'");
    EXPECT_EQ(errorFor(with(mailScenario, "{name: alice-pc,", "{name: \"alice\\npc\",")),
              "s.yaml:3:12: a host or router name must be one line, but it holds a line feed (LF) at character 6: it would "
              "put a line of its own on the wire");
    EXPECT_EQ(errorFor(with(mailScenario, "{name: alice-pc,", "{name: \"alice\\0pc\",")),
              "s.yaml:3:12: a host or router name holds a NUL at character 6, which no protocol line may carry");
    EXPECT_EQ(errorFor(with(mailScenario, "{name: alice-pc,", "{name: -alice,")),
              "s.yaml:3:12: expected a host or router name such as alice-pc or mail.crepes.fr (letters, digits and hyphens, "
              "in dot-separated labels of at most 63 characters; RFC 1123), found '-alice'");
}

// --- FTP paths ---------------------------------------------------------------

TEST(ScenarioRefusals, ftpFilePathsThatNameNoFileAreRefused) {
    EXPECT_EQ(errorFor(with(ftpScenario, "{path: /reports/readme.txt", "{path: /")),
              "s.yaml:16:20: the path '/' names the root directory, not a file");
    EXPECT_EQ(errorFor(with(ftpScenario, "{path: /reports/readme.txt", "{path: .")),
              "s.yaml:16:20: the path '.' names the root directory, not a file");
    EXPECT_EQ(errorFor(with(ftpScenario, "{path: /reports/readme.txt", "{path: \"a\\0b\"")),
              "s.yaml:16:20: an FTP file path holds a NUL at character 2, which no protocol line may carry");
}

TEST(ScenarioRefusals, ftpFilesThatClashWithEachOtherAreRefused) {
    const std::string file = "          - {path: /reports/readme.txt, text: hello}\n";
    EXPECT_EQ(errorFor(with(ftpScenario, file, file + "          - {path: reports, text: hi}\n")),
              "s.yaml:17:20: '/reports' is already a directory (line 16)");
    EXPECT_EQ(errorFor(with(ftpScenario, file, file + "          - {path: /reports/readme.txt/x, text: hi}\n")),
              "s.yaml:17:20: '/reports/readme.txt' is a file (line 16), so it cannot hold '/reports/readme.txt/x'");
    EXPECT_EQ(errorFor(with(ftpScenario, file, file + "          - {path: reports//readme.txt, text: hi}\n")),
              "s.yaml:17:20: the file '/reports/readme.txt' is already defined (line 16)");
}

// --- nonsense numbers and times ---------------------------------------------

TEST(ScenarioRefusals, aPositionMustBeFiniteAndWithinRange) {
    EXPECT_EQ(errorFor(with(mailScenario, "  - name: r\n", "  - {name: r, position: [nan, inf]}\n")),
              "s.yaml:7:26: expected a finite number such as 120 or -3.5, found 'nan'");
    EXPECT_EQ(errorFor(with(mailScenario, "  - name: r\n", "  - {name: r, position: [10, 1e300]}\n")),
              "s.yaml:7:30: expected a coordinate between -1000000 and 1000000, found 1e300");
}

TEST(ScenarioRefusals, timesThatWouldRunPastTheEndOfTimeAreRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "      - at: 1s", "      - at: 2000000h")),
              "s.yaml:26:13: expected a duration of at most 366 days (8784h), found '2000000h'");
    EXPECT_EQ(errorFor(with(mailScenario, "title: refusals\n", "title: refusals\nstop_at: 2562047h\n")),
              "s.yaml:2:10: expected a duration of at most 366 days (8784h), found '2562047h'");
    EXPECT_EQ(errorFor(with(mailScenario, "  - between: [alice-pc, r]", "  - {between: [alice-pc, r], delay: 2h}")),
              "s.yaml:9:37: expected a link delay of at most 1h, found '2h'");
}

TEST(ScenarioRefusals, aLinkWhoseFullQueueWouldTakeYearsToSendIsRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "  - between: [alice-pc, r]", "  - {between: [alice-pc, r], rate: 1bps, queue: 10000}")),
              "s.yaml:9:36: a full queue of 10000 packets would take more than 366 days to send at 1 bit/s; give a higher "
              "rate or a shorter queue");
    EXPECT_NO_THROW(loadScenarioText(with(mailScenario, "  - between: [alice-pc, r]", "  - {between: [alice-pc, r], rate: 9600}"),
                                     "s.yaml"));
}

TEST(ScenarioRefusals, anImapFlagWithALineBreakIsRefused) {
    const std::string users = "users: [{name: bob, password: hunter2}]";
    EXPECT_EQ(errorFor(with(mailScenario, users,
                            "users: [{name: bob, messages: [{from: a@b.c, flags: [\"\\\\Seen\", \"x\\r\\n* BYE\"]}]}]")),
              "s.yaml:18:68: an IMAP flag must be one line, but it holds a carriage return (CR) at character 2: it would put "
              "a line of its own on the wire");
}

TEST(ScenarioRefusals, aTabInTheIndentationIsNamedAsSuch) {
    EXPECT_EQ(errorFor("title: x\nhosts:\n\t- {name: a, address: 10.0.0.1}\nlinks: []\n"),
              "s.yaml:3:1: a tab in the indentation: YAML does not allow tabs for indentation, indent with spaces");
    EXPECT_EQ(errorFor("title: x\nhosts:\n  \t- {name: a, address: 10.0.0.1}\nlinks: []\n"),
              "s.yaml:3:3: a tab in the indentation: YAML does not allow tabs for indentation, indent with spaces");
}

// --- size --------------------------------------------------------------------

TEST(ScenarioRefusals, anAliasRepeatedIntoHugeTextIsRefusedBeforeItIsExpanded) {
    // 1 MB of body (lines of 100 octets), repeated 100 times through an alias: 100 MB from a 1 MB file.
    std::string lines;
    for (int i = 0; i < 10486; ++i) lines += std::string(99, 'x') + "\\n";
    std::string text = with(mailScenario, "body: hello}", "body: &big \"" + lines + "\"}");
    for (int i = 0; i < 100; ++i) text += "      - {at: 2s, send: {to: bob@hamburger.edu, body: *big}}\n";
    // yaml-cpp gives an alias the position of its anchor.
    const std::string message = errorFor(text);
    EXPECT_EQ(message, "s.yaml:27:58: the scenario holds more than 64 MiB of text (every repeat of a YAML alias counts); "
                       "give large contents as a size instead");
}

TEST(ScenarioRefusals, theTotalDeclaredContentHasALimit) {
    const std::string file = "          - {path: /reports/readme.txt, text: hello}\n";
    std::string files;
    for (int i = 0; i < 3; ++i) files += "          - {path: /big" + std::to_string(i) + ", size: 400000000}\n";
    EXPECT_EQ(errorFor(with(ftpScenario, file, file + files)),
              "s.yaml:19:33: the scenario declares more than 1024 MiB of content in all (stored messages, messages sent, FTP "
              "files and uploads)");
}

TEST(ScenarioRefusals, aSizedMessageRepeatedThroughAnAliasCountsEveryRepeat) {
    // The 4.8 KB file of the report: one 10 MB message, aliased 300 times.
    std::string messages = "        messages:\n          - &m {from: a@b.c, subject: big, size: 10000000}\n";
    for (int i = 0; i < 299; ++i) messages += "          - *m\n";
    const std::string text =
        with(mailScenario, "    users: [{name: bob, password: hunter2}]\n", "    users:\n      - name: bob\n" + messages);
    EXPECT_EQ(errorFor(text), "s.yaml:21:50: the scenario declares more than 1024 MiB of content in all (stored messages, "
                              "messages sent, FTP files and uploads)");
}

TEST(ScenarioRefusals, twoMailUsersThatDifferOnlyInCaseAreRefusedUnlessLocalPartsAreCaseSensitive) {
    const std::string twoAlices = with(mailScenario, "users: [{name: alice, password: secret}]",
                                       "users: [{name: alice, password: secret}, {name: Alice}]");
    EXPECT_EQ(errorFor(twoAlices),
              "s.yaml:15:53: the users 'alice' and 'Alice' differ only in case, and local parts match in any case; give "
              "another name, or set case_sensitive_local_parts: true");
    EXPECT_NO_THROW(loadScenarioText(with(twoAlices, "    domain: crepes.fr\n",
                                          "    domain: crepes.fr\n    case_sensitive_local_parts: true\n"),
                                     "s.yaml"));
}

TEST(ScenarioRefusals, aPostmasterWhoIsNoUserIsRefused) {
    EXPECT_EQ(errorFor(with(mailScenario, "    domain: crepes.fr\n", "    domain: crepes.fr\n    postmaster: carol\n")),
              "s.yaml:15:17: 'carol' is not one of this server's users");
}

TEST(ScenarioRefusals, aRelayNetworkMustBeANetwork) {
    EXPECT_EQ(errorFor(with(mailScenario, "    domain: crepes.fr\n",
                            "    domain: crepes.fr\n    relay_networks: [10.0.1.0/24, 10.0.1.5/24]\n")),
              "s.yaml:15:35: expected a network such as 10.0.1.0/24 (host bits zero) or an address");
    const ScenarioSpec spec = loadScenarioText(
        with(mailScenario, "    domain: crepes.fr\n", "    domain: crepes.fr\n    relay_networks: [10.0.1.0/24]\n    open_relay: true\n"),
        "s.yaml");
    ASSERT_TRUE(spec.mailServers[0].relayNetworks.has_value());
    EXPECT_EQ(spec.mailServers[0].relayNetworks->at(0).toString(), "10.0.1.0/24");
    EXPECT_TRUE(spec.mailServers[0].openRelay);
}
