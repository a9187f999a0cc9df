// A mistaken expectation is refused when the scenario is loaded, before
// anything runs, with the file, line and column of the value at fault.

#include <gtest/gtest.h>

#include "simulator/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_error_text.hpp"

using namespace netstage;
using netstage::test_support::scenarioErrorFor;

namespace {

// Lines count from this text; the expect list starts on line 27.
const std::string base = R"(title: expectations
hosts:
  - {name: alice-pc, address: 10.0.1.2}
  - {name: crepes.fr, role: mail-server, address: 10.0.1.10}
  - {name: ftp.school.edu, role: ftp-server, address: 10.0.2.21}
routers:
  - name: r
links:
  - between: [alice-pc, r]
  - between: [crepes.fr, r]
  - between: [ftp.school.edu, r]
mail_servers:
  - host: crepes.fr
    domain: crepes.fr
    users: [{name: alice, password: secret, folders: [Recipes]}]
ftp_servers:
  - host: ftp.school.edu
    users:
      - {name: bob, password: hungry}
ftp_clients:
  - name: c
    host: alice-pc
    server: ftp.school.edu
    user: bob
    password: hungry
    commands: [{at: 1s, do: login}]
expect:
)";

std::string errorFor(const std::string& expectations) { return scenarioErrorFor(base + expectations, "e.yaml"); }

TEST(ExpectLoader, a_valid_list_of_every_kind_loads_in_order) {
    const auto spec = scenario::loadScenarioText(base + R"(  - {mailbox: alice@crepes.fr, count: 0, points: 3, note: "nothing arrives"}
  - {mailbox: alice@crepes.fr, folder: Recipes, message: {header: Subject, matches: "^Re: "}}
  - {mail: bounced, to: nobody@nowhere.example, at: crepes.fr}
  - {dialogue: ftp, server: ftp.school.edu, lines: ["C: USER bob", {from: S, matches: "^230"}]}
  - {dialogue: ftp, reply_to: pass, code: 230, before: 2s}
  - {ftp_file: notes.txt, server: ftp.school.edu, user: bob, size: 3, sha256: BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD}
  - {ftp_transfer: any, mode: active, client: alice-pc}
  - {tcp: opened, by: alice-pc, peer: ftp.school.edu, port: 21}
  - {tcp: retransmissions, at_least: 2}
  - {tcp: lost, host: alice-pc, reason: loss}
  - chart: ["alice-pc -> ftp.school.edu: USER bob"]
)", "e.yaml");
    ASSERT_EQ(spec.expectations.size(), 11u);
    EXPECT_EQ(spec.expectations[0].points, 3u);
    EXPECT_EQ(spec.expectations[0].note, "nothing arrives");
    EXPECT_EQ(spec.expectations[0].where.toString(), "e.yaml:28:5");
    const auto& file = std::get<expect::FtpFile>(spec.expectations[5].what);
    EXPECT_EQ(file.path, "/notes.txt");
    EXPECT_EQ(*file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(std::get<expect::DialogueReply>(spec.expectations[4].what).command, "PASS");
    EXPECT_EQ(*spec.expectations[4].time.before, Time::fromSeconds(2));
}

TEST(ExpectLoader, unknown_hosts_mailboxes_folders_and_users_are_refused_where_they_are_named) {
    EXPECT_EQ(errorFor("  - {tcp: opened, by: bob-pc}\n"), "e.yaml:28:23: unknown host 'bob-pc'");
    EXPECT_EQ(errorFor("  - {mailbox: bob@crepes.fr, count: 1}\n"),
              "e.yaml:28:15: unknown mailbox 'bob@crepes.fr': crepes.fr has the users alice");
    EXPECT_EQ(errorFor("  - {mailbox: bob@hamburger.edu, count: 1}\n"),
              "e.yaml:28:15: unknown mailbox 'bob@hamburger.edu': no mail server of this scenario serves hamburger.edu");
    EXPECT_EQ(errorFor("  - {mailbox: alice@crepes.fr, folder: Drafts, count: 1}\n"),
              "e.yaml:28:40: unknown folder 'Drafts' of alice@crepes.fr (neither declared in folders nor created by an imap action)");
    EXPECT_EQ(errorFor("  - {mail: delivered, to: carol@crepes.fr}\n"),
              "e.yaml:28:27: unknown mailbox 'carol@crepes.fr': crepes.fr has the users alice");
    EXPECT_EQ(errorFor("  - {mail: queued, at: alice-pc}\n"), "e.yaml:28:24: 'alice-pc' is not a mail server of this scenario");
    EXPECT_EQ(errorFor("  - {ftp_file: a.txt, server: crepes.fr, user: bob}\n"),
              "e.yaml:28:31: 'crepes.fr' is not an FTP server of this scenario");
    EXPECT_EQ(errorFor("  - {ftp_file: a.txt, server: ftp.school.edu, user: carol}\n"),
              "e.yaml:28:53: unknown FTP user 'carol' on ftp.school.edu");
    EXPECT_EQ(errorFor("  - chart: [\"alice-pc -> mars: HELO\"]\n"), "e.yaml:28:13: unknown host 'mars'");
}

TEST(ExpectLoader, unknown_kinds_keys_and_values_are_refused) {
    EXPECT_EQ(errorFor("  - {mailbox: alice@crepes.fr, count: 1, colour: red}\n"),
              "e.yaml:28:42: unknown key 'colour' for this expectation (expected one of: mailbox, server, folder, count, message, before, "
              "after, points, note)");
    EXPECT_EQ(errorFor("  - {weather: sunny}\n"),
              "e.yaml:28:5: expected one of the expectation kinds: mailbox, mail, dialogue, ftp_file, ftp_transfer, tcp, chart");
    EXPECT_EQ(errorFor("  - {mail: lost}\n"), "e.yaml:28:12: expected delivered, queued, relayed or bounced, found 'lost'");
    EXPECT_EQ(errorFor("  - {tcp: opened, by: alice-pc, by: crepes.fr}\n"),
              "e.yaml:28:33: the key 'by' appears twice in this mapping (first at line 28); remove one");
    EXPECT_EQ(errorFor("  - {dialogue: dns, lines: [\"C: GET /\"]}\n"),
              "e.yaml:28:16: expected a protocol with a dialogue: smtp, pop3, imap, ftp or http, found 'dns'");
    EXPECT_EQ(errorFor("  - {dialogue: http, reply_to: GET, code: 200}\n"),
              "e.yaml:28:32: reply codes are SMTP's and FTP's; for http give the lines instead");
    EXPECT_EQ(errorFor("  - {dialogue: ftp, lines: [\"USER bob\"]}\n"),
              "e.yaml:28:29: expected a transcript line such as \"C: HELO crepes.fr\" or \"S: 250 OK\", found 'USER bob'");
    EXPECT_EQ(errorFor("  - {dialogue: pop3, reply_to: RETR, code: 250}\n"),
              "e.yaml:28:32: reply codes are SMTP's and FTP's; for pop3 give the lines instead");
    EXPECT_EQ(errorFor("  - {ftp_file: a.txt, server: ftp.school.edu, user: bob, sha256: abc}\n"),
              "e.yaml:28:66: expected a SHA-256 digest: 64 hexadecimal digits");
    EXPECT_EQ(errorFor("  - {mailbox: alice@crepes.fr, count: 1, before: 2s}\n"),
              "e.yaml:28:50: before/after bound when something happens; a mailbox's count and a file are checked as the run ends");
    EXPECT_EQ(errorFor("  - {mailbox: alice@crepes.fr, message: {header: Subject}}\n"),
              "e.yaml:28:41: expected exactly one of contains, equals or matches");
    EXPECT_EQ(errorFor("  - {tcp: retransmissions, at_least: 0}\n"), "e.yaml:28:38: at_least: 0 always holds; give 1 or more");
    EXPECT_EQ(errorFor("  - {tcp: lost, reason: stolen}\n"),
              "e.yaml:28:25: expected a reason: loss, queue-full, link-down, no-route or ttl-expired, found 'stolen'");
}

TEST(ExpectLoader, a_pattern_that_does_not_compile_is_refused_at_load_time) {
    const std::string message = errorFor("  - {mailbox: alice@crepes.fr, message: {header: Subject, matches: \"(unclosed\"}}\n");
    EXPECT_EQ(message.rfind("e.yaml:28:68: the pattern /(unclosed/ does not compile: ", 0), 0u) << message;
    const std::string inLine = errorFor("  - {dialogue: smtp, lines: [{from: C, matches: \"[z-a]\"}]}\n");
    EXPECT_EQ(inLine.rfind("e.yaml:28:49: the pattern /[z-a]/ does not compile", 0), 0u) << inLine;
}

TEST(ExpectLoader, expect_must_be_a_list_of_mappings) {
    EXPECT_EQ(scenarioErrorFor(base.substr(0, base.size() - 8) + "expect: {mailbox: alice@crepes.fr}\n", "e.yaml"),
              "e.yaml:27:9: expected a list of expectations (lines starting with '- '), found a mapping");
    EXPECT_EQ(errorFor("  - mailbox alice\n"),
              "e.yaml:28:5: expected an expectation (a mapping such as {mailbox: bob@hamburger.edu, count: 1}) (a mapping of key: "
              "value), found 'mailbox alice'");
}

}  // namespace
