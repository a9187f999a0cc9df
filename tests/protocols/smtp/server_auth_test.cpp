// AUTH PLAIN and LOGIN (RFC 4954, RFC 4616) as smtplib, Thunderbird and curl
// send them, and the submission port's rule that MAIL waits for AUTH.

#include <gtest/gtest.h>

#include "protocols/common/base64.hpp"
#include "tests/protocols/smtp/smtp_test_support.hpp"

using namespace netstage::smtp;
using namespace netstage::smtp::testing;
using netstage::proto::base64Encode;

namespace {

ServerConfig submissionConfig() {
    ServerConfig c;
    c.domain = "crepes.fr";
    c.offerAuth = true;
    c.requireAuth = true;
    return c;
}

class Accounts : public ServerPolicy {
public:
    Decision authenticate(const std::string& user, const std::string& password) override {
        asked.push_back(user + ":" + password);
        return user == "alice" && password == "pancakes" ? Decision{235, ""} : Decision{535, ""};
    }
    Decision checkRecipient(const std::string&) override { return {}; }
    Decision acceptMessage(const Envelope& envelope, const std::string&) override {
        authenticatedAs = envelope.authenticatedUser;
        return {};
    }
    std::vector<std::string> asked;
    std::string authenticatedAs;
};

std::vector<std::string> replyLines(const ServerRun& run) {
    std::vector<std::string> out;
    for (const auto& line : transcript(run.events)) {
        if (line.rfind("S: ", 0) == 0) out.push_back(line.substr(3));
    }
    return out;
}

const std::string plainAlice = base64Encode(std::string{"\0alice\0pancakes", 15});

}  // namespace

TEST(SmtpServerAuth, advertisesAuthOnlyWhenOffered) {
    ServerConfig off = submissionConfig();
    off.offerAuth = false;
    off.requireAuth = false;
    const auto without = runServer(off, "EHLO pc\r\nAUTH PLAIN " + plainAlice + "\r\n");
    EXPECT_EQ(without.output.find("AUTH PLAIN LOGIN"), std::string::npos);
    EXPECT_EQ(replyLines(without).back(), "502 Command not implemented");
    const auto with = runServer(submissionConfig(), "EHLO pc\r\n");
    EXPECT_NE(with.output.find("250-AUTH PLAIN LOGIN\r\n"), std::string::npos) << with.output;
}

TEST(SmtpServerAuth, plainWithAnInitialResponseAsSmtplibSendsIt) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts,
                               {"EHLO pc\r\nAUTH PLAIN " + plainAlice + "\r\nMAIL FROM:<alice@crepes.fr>\r\n"
                                "RCPT TO:<bob@hamburger.edu>\r\nDATA\r\nhi\r\n.\r\n"});
    const auto lines = replyLines(run);
    EXPECT_TRUE(contains(lines, "235 Authentication successful"));
    EXPECT_EQ(lines.back(), "250 Message accepted for delivery");
    EXPECT_EQ(accounts.asked, std::vector<std::string>{"alice:pancakes"});
    EXPECT_EQ(accounts.authenticatedAs, "alice");
}

TEST(SmtpServerAuth, plainWithAnEmptyChallenge) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts, {"EHLO pc\r\nAUTH PLAIN\r\n", plainAlice + "\r\n"});
    const auto lines = replyLines(run);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[lines.size() - 2], "334 ");
    EXPECT_EQ(lines.back(), "235 Authentication successful");
    // The response line is shown as the client's line, not taken for a command.
    EXPECT_TRUE(contains(transcript(run.events), "C: " + plainAlice));
}

TEST(SmtpServerAuth, loginAsksForUserAndPasswordInBase64) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts,
                               {"EHLO pc\r\nAUTH LOGIN\r\n", base64Encode("alice") + "\r\n", base64Encode("pancakes") + "\r\n"});
    const auto lines = replyLines(run);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[lines.size() - 3], "334 VXNlcm5hbWU6");  // "Username:"
    EXPECT_EQ(lines[lines.size() - 2], "334 UGFzc3dvcmQ6");  // "Password:"
    EXPECT_EQ(lines.back(), "235 Authentication successful");
}

TEST(SmtpServerAuth, loginWithTheUserOnTheCommandLineAsSmtplibSendsIt) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts,
                               {"EHLO pc\r\nAUTH LOGIN " + base64Encode("alice") + "\r\n", base64Encode("pancakes") + "\r\n"});
    const auto lines = replyLines(run);
    EXPECT_EQ(lines[lines.size() - 2], "334 UGFzc3dvcmQ6");
    EXPECT_EQ(lines.back(), "235 Authentication successful");
}

TEST(SmtpServerAuth, wrongPasswordGets535AndMailStaysRefused) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts,
                               {"EHLO pc\r\nAUTH PLAIN " + base64Encode(std::string{"\0alice\0crepes", 13}) +
                                "\r\nMAIL FROM:<alice@crepes.fr>\r\n"});
    const auto lines = replyLines(run);
    EXPECT_EQ(lines[lines.size() - 2], "535 Authentication credentials invalid");
    EXPECT_EQ(lines.back(), "530 Authentication required");
}

TEST(SmtpServerAuth, submissionRefusesMailBeforeAuth) {
    const auto run = runServer(submissionConfig(), "EHLO pc\r\nMAIL FROM:<alice@crepes.fr>\r\n");
    EXPECT_EQ(replyLines(run).back(), "530 Authentication required");
}

TEST(SmtpServerAuth, cancelledBadBase64AndUnknownMechanismsAreRefused) {
    Accounts accounts;
    const auto cancelled = runServer(submissionConfig(), &accounts, {"EHLO pc\r\nAUTH LOGIN\r\n", "*\r\n", "NOOP\r\n"});
    auto lines = replyLines(cancelled);
    EXPECT_EQ(lines[lines.size() - 2], "501 Authentication cancelled");
    EXPECT_EQ(lines.back(), "250 OK");  // back to commands
    const auto garbage = runServer(submissionConfig(), &accounts, {"EHLO pc\r\nAUTH PLAIN !!!!\r\n"});
    EXPECT_EQ(replyLines(garbage).back(), "501 Cannot decode response");
    const auto noNul = runServer(submissionConfig(), &accounts, {"EHLO pc\r\nAUTH PLAIN " + base64Encode("alice") + "\r\n"});
    EXPECT_EQ(replyLines(noNul).back(), "501 Malformed PLAIN response");
    const auto cram = runServer(submissionConfig(), &accounts, {"EHLO pc\r\nAUTH CRAM-MD5\r\n"});
    EXPECT_EQ(replyLines(cram).back(), "504 Unrecognized authentication type");
    EXPECT_TRUE(accounts.asked.empty());
}

TEST(SmtpServerAuth, authOnlyAfterEhloOnceAndOutsideATransaction) {
    Accounts accounts;
    ServerConfig open = submissionConfig();
    open.requireAuth = false;
    const auto afterHelo = runServer(open, &accounts, {"HELO pc\r\nAUTH PLAIN " + plainAlice + "\r\n"});
    EXPECT_EQ(replyLines(afterHelo).back(), "503 Bad sequence of commands");
    const auto twice = runServer(open, &accounts, {"EHLO pc\r\nAUTH PLAIN " + plainAlice + "\r\nAUTH PLAIN " + plainAlice + "\r\n"});
    EXPECT_EQ(replyLines(twice).back(), "503 Already authenticated");
    const auto inTransaction =
        runServer(open, &accounts, {"EHLO pc\r\nMAIL FROM:<a@b.c>\r\nAUTH PLAIN " + plainAlice + "\r\n"});
    EXPECT_EQ(replyLines(inTransaction).back(), "503 Bad sequence of commands");
}

TEST(SmtpServerAuth, anAuthorizationIdentityOtherThanTheUserIsRefused) {
    Accounts accounts;
    const auto run = runServer(submissionConfig(), &accounts,
                               {"EHLO pc\r\nAUTH PLAIN " + base64Encode(std::string{"bob\0alice\0pancakes", 18}) + "\r\n"});
    EXPECT_EQ(replyLines(run).back(), "535 Authentication credentials invalid");
}

TEST(SmtpServerAuth, theAuthParameterOfMailAsCurlSendsItIsAcceptedOnlyWhenAuthIsOffered) {
    Accounts accounts;
    const auto offered = runServer(submissionConfig(), &accounts,
                                   {"EHLO pc\r\nAUTH PLAIN " + plainAlice + "\r\nMAIL FROM:<alice@crepes.fr> AUTH=<>\r\n"});
    EXPECT_EQ(replyLines(offered).back(), "250 Sender <alice@crepes.fr> ok");
    const auto notOffered = runServer(ServerConfig{}, "EHLO pc\r\nMAIL FROM:<alice@crepes.fr> AUTH=<>\r\n");
    EXPECT_EQ(replyLines(notOffered).back(), "555 MAIL FROM parameters not recognized or not implemented");
}
