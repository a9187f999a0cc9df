// Real clients against the simulated servers, served on loopback: Python's
// smtplib, poplib, imaplib and ftplib, and curl, each an independent
// implementation that insists on the RFCs in its own way. A client that is
// not installed is a failure, never a skip (scripts/setup.sh installs them).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "simulator/scenario/scenario_loader.hpp"
#include "tests/live/serving_world.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/program.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using test_support::runProgram;
using test_support::ServingWorld;

namespace {

std::string port(const ServingWorld& world, const std::string& host, std::uint16_t serverPort) {
    return std::to_string(world.port(host, serverPort));
}

test_support::ProgramResult python(const std::string& script, const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"python3", "-c", script};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return runProgram(argv);
}

std::size_t countMailEvents(const ServingWorld& world, std::string_view type, std::string_view subject) {
    std::size_t count = 0;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("mail", type) && event->text("subject") == subject) ++count;
    }
    return count;
}

// smtplib sends, with a line that must be dot-stuffed, and reports what EHLO offered.
const char* kSmtplibSend = R"(
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
code, _ = s.ehlo('student.example')
print('EHLO', code, ' '.join(sorted(s.esmtp_features)))
body = 'Subject: %s\r\nFrom: <%s>\r\nTo: <%s>\r\n\r\nFirst line.\r\n.a line that starts with a dot\r\nLast line.\r\n' % (sys.argv[4], sys.argv[2], sys.argv[3])
refused = s.sendmail(sys.argv[2], [sys.argv[3]], body)
print('REFUSED', refused)
print('NOOP', s.noop()[0])
s.quit()
)";

// smtplib on the submission port: login() (AUTH PLAIN, or LOGIN when argv[6]
// says so), then a message to another domain.
const char* kSmtplibSubmit = R"(
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
s.ehlo('student.example')
print('AUTH', s.esmtp_features.get('auth', '').strip())
if len(sys.argv) > 6 and sys.argv[6] == 'LOGIN':
    s.user, s.password = sys.argv[2].split('@')[0], sys.argv[5]
    print('LOGIN', s.auth('LOGIN', s.auth_login)[0])
else:
    print('LOGIN', s.login(sys.argv[2].split('@')[0], sys.argv[5])[0])
body = 'Subject: %s\r\nFrom: <%s>\r\nTo: <%s>\r\n\r\nSubmitted.\r\n' % (sys.argv[4], sys.argv[2], sys.argv[3])
print('REFUSED', s.sendmail(sys.argv[2], [sys.argv[3]], body))
s.quit()
)";

// What an unauthenticated client that claims a local sender gets for a foreign recipient, and for a wrong password.
const char* kSmtplibRefused = R"(
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
try:
    s.sendmail('alice@crepes.fr', ['bob@hamburger.edu'], 'Subject: spam\r\n\r\nBuy.\r\n')
except smtplib.SMTPRecipientsRefused as e:
    print('RELAY', e.recipients['bob@hamburger.edu'][0], e.recipients['bob@hamburger.edu'][1].decode())
s.quit()
t = smtplib.SMTP('127.0.0.1', int(sys.argv[2]), timeout=20)
try:
    t.login('alice', 'wrong')
except smtplib.SMTPAuthenticationError as e:
    print('BADPASS', e.smtp_code)
try:
    t.sendmail('alice@crepes.fr', ['bob@hamburger.edu'], 'Subject: x\r\n\r\nx\r\n')
except smtplib.SMTPSenderRefused as e:
    print('NOAUTH', e.smtp_code)
t.quit()
)";

const char* kPoplibRead = R"(
import poplib, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=20)
print(p.getwelcome().decode())
p.user('bob'); p.pass_('hungry')
count, size = p.stat()
print('STAT', count)
print('LIST', len(p.list()[1]) == count)
for n in range(1, count + 1):
    lines = p.retr(n)[1]
    text = b'\n'.join(lines).decode()
    if sys.argv[2] in text:
        print('FOUND', n)
        print('DOT', b'.a line that starts with a dot' in lines)
        p.dele(n)
        print('DELETED', n)
print('QUIT', p.quit().decode()[:3])
)";

const char* kImaplibRead = R"(
import imaplib, sys
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]), timeout=20)
print('CAPABILITY', ' '.join(m.capabilities))
print('LOGIN', m.login('bob', 'hungry')[0])
print('NAMESPACE', m.namespace()[0])
typ, folders = m.list('""', '*')
print('LIST', typ, len(folders))
print('CREATE', m.create('Saved')[0])
typ, data = m.select('INBOX')
print('SELECT', typ, int(data[0]))
typ, data = m.search(None, 'SUBJECT', '"' + sys.argv[2] + '"')
numbers = data[0].split()
print('SEARCH', typ, len(numbers))
typ, data = m.uid('FETCH', '1:*', '(UID BODY.PEEK[])')
print('UIDFETCH', typ, any(sys.argv[2].encode() in part[1] for part in data if isinstance(part, tuple)))
typ, data = m.fetch(numbers[0], '(FLAGS BODY[HEADER.FIELDS (SUBJECT)])')
print('FETCH', typ, sys.argv[2].encode() in data[0][1])
print('COPY', m.copy(numbers[0], 'Saved')[0])
print('STORE', m.store(numbers[0], '+FLAGS', '\\Deleted')[0])
print('EXPUNGE', m.expunge()[0])
print('NOOP', m.noop()[0])
typ, data = m.select('Saved', readonly=True)
print('SAVED', int(data[0]))
m.logout()
)";

const char* kFtplibSession = R"(
import ftplib, io, sys
passive = sys.argv[2] == 'passive'
f = ftplib.FTP()
f.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
f.login('alice', 'wonderland')
f.set_pasv(passive)
lines = []
f.retrlines('LIST reports', lines.append)
print('LIST', len(lines), any('report.pdf' in l for l in lines))
data = io.BytesIO()
f.retrbinary('RETR reports/report.pdf', data.write)
print('RETR', len(data.getvalue()), data.getvalue() == bytes(range(256)) * 16)
text = []
f.retrlines('RETR reports/readme.txt', text.append)
print('ASCII', text)
payload = bytes(range(256)) * 1000
f.storbinary('STOR uploads/binary.bin', io.BytesIO(payload))
print('SIZE', f.size('uploads/binary.bin'))
f.storlines('STOR uploads/notes.txt', io.BytesIO(b'one\ntwo\n'))
back = []
f.retrlines('RETR uploads/notes.txt', back.append)
print('NOTES', back)
print('QUIT', f.quit()[:3])
)";

// A browser's part, with Python's http.client and html.parser: one persistent
// connection; sign in, keep the cookie, load the inbox page, then fetch each
// object it references (stylesheet, image) with a GET of its own.
const char* kPythonBrowser = R"(
import http.client, sys, urllib.parse
from html.parser import HTMLParser
class Refs(HTMLParser):
    def __init__(self):
        super().__init__(); self.refs = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'link' and a.get('rel') == 'stylesheet': self.refs.append(a['href'])
        if tag == 'img': self.refs.append(a['src'])
c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=20)
c.request('POST', '/login', urllib.parse.urlencode({'user': 'bob', 'password': 'hungry'}),
          {'Content-Type': 'application/x-www-form-urlencoded'})
r = c.getresponse(); r.read()
sock = c.sock
print('LOGIN', r.status, r.getheader('Location'))
cookie = r.getheader('Set-Cookie').split(';')[0]
c.request('GET', '/inbox', headers={'Cookie': cookie})
r = c.getresponse(); page = r.read().decode()
print('INBOX', r.status, r.getheader('Content-Type'))
p = Refs(); p.feed(page)
for ref in p.refs:
    c.request('GET', ref, headers={'Cookie': cookie})
    r = c.getresponse(); body = r.read()
    print('OBJECT', ref, r.status, r.getheader('Content-Type'), len(body) == int(r.getheader('Content-Length')))
print('SAME CONNECTION', c.sock is sock)
c.close()
)";

}  // namespace

TEST(RealClients, smtplibSendsAndPoplibReadsItBackInTheSameRun) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    const auto sent = python(kSmtplibSend, {port(world, "hamburger.edu", 25), "student@example.org", "bob@hamburger.edu",
                                            "From smtplib"});
    ASSERT_EQ(sent.exitCode, 0) << sent.errors;
    EXPECT_NE(sent.output.find("EHLO 250 8bitmime help pipelining size"), std::string::npos) << sent.output;
    EXPECT_NE(sent.output.find("REFUSED {}"), std::string::npos) << sent.output;
    EXPECT_NE(sent.output.find("NOOP 250"), std::string::npos) << sent.output;

    const auto read = python(kPoplibRead, {port(world, "hamburger.edu", 110), "From smtplib"});
    ASSERT_EQ(read.exitCode, 0) << read.errors;
    EXPECT_NE(read.output.find("FOUND"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("LIST True"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("DOT True"), std::string::npos) << "dot-stuffing undone on both sides\n" << read.output;
    EXPECT_NE(read.output.find("DELETED"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("QUIT +OK"), std::string::npos) << read.output;
    world.stop();
    EXPECT_EQ(countMailEvents(world, "stored", "From smtplib"), 1u);
}

TEST(RealClients, mailToAnotherDomainIsSubmittedWithAuthAndRelayedThroughTheWorld) {
    for (const std::string mechanism : {"PLAIN", "LOGIN"}) {
        ServingWorld world{"01-smtp-alice-to-bob"};
        // Alice logs in on her own server's submission port; it relays: DNS MX, queue, SMTP to hamburger.edu.
        const std::string subject = "Relayed for Bob by " + mechanism;
        const auto sent = python(kSmtplibSubmit, {port(world, "crepes.fr", 587), "alice@crepes.fr", "bob@hamburger.edu",
                                                  subject, "pancakes", mechanism});
        ASSERT_EQ(sent.exitCode, 0) << sent.errors;
        EXPECT_NE(sent.output.find("AUTH PLAIN LOGIN"), std::string::npos) << sent.output;
        EXPECT_NE(sent.output.find("LOGIN 235"), std::string::npos) << sent.output;
        EXPECT_NE(sent.output.find("REFUSED {}"), std::string::npos) << sent.output;
        for (int i = 0; i < 200 && countMailEvents(world, "stored", subject) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
        }
        const auto read = python(kPoplibRead, {port(world, "hamburger.edu", 110), subject});
        ASSERT_EQ(read.exitCode, 0) << read.errors;
        EXPECT_NE(read.output.find("FOUND"), std::string::npos) << read.output;
        world.stop();
        // Queued and relayed by crepes.fr: Alice's scripted message and the real client's.
        std::size_t queued = 0;
        std::size_t relayed = 0;
        for (const auto& record : world.recorder().records()) {
            const auto* event = std::get_if<trace::Event>(&record);
            if (event == nullptr || event->node != "crepes.fr") continue;
            queued += event->is("mail", "queued");
            relayed += event->is("mail", "relayed") && event->text("to") == "bob@hamburger.edu";
        }
        EXPECT_EQ(queued, 2u);
        EXPECT_EQ(relayed, 2u);
        EXPECT_EQ(countMailEvents(world, "stored", subject), 1u);
    }
}

TEST(RealClients, noRelayForAClientThatOnlyClaimsALocalSenderNorForAWrongPassword) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    const auto run = python(kSmtplibRefused, {port(world, "crepes.fr", 25), port(world, "crepes.fr", 587)});
    ASSERT_EQ(run.exitCode, 0) << run.errors;
    EXPECT_NE(run.output.find("RELAY 550 Relaying denied"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("BADPASS 535"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("NOAUTH 530"), std::string::npos) << run.output;
    world.stop();
    std::size_t queued = 0;  // only Alice's scripted message, from her PC on crepes.fr's own network
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        queued += event != nullptr && event->node == "crepes.fr" && event->is("mail", "queued");
    }
    EXPECT_EQ(queued, 1u);
}

TEST(RealClients, smtplibReachesPostmasterWithAndWithoutADomain) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    for (const std::string to : {"postmaster", "Postmaster@hamburger.edu"}) {
        const auto sent = python(kSmtplibSend, {port(world, "hamburger.edu", 25), "student@example.org", to, "To " + to});
        ASSERT_EQ(sent.exitCode, 0) << sent.errors;
        EXPECT_NE(sent.output.find("REFUSED {}"), std::string::npos) << sent.output;
    }
    world.stop();
    std::size_t toPostmaster = 0;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        toPostmaster += event != nullptr && event->is("mail", "stored") && event->text("mailbox") == "postmaster@hamburger.edu";
    }
    EXPECT_EQ(toPostmaster, 2u);
}

TEST(RealClients, imaplibReadsCopiesAndExpunges) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    const auto sent = python(kSmtplibSend, {port(world, "hamburger.edu", 25), "student@example.org", "bob@hamburger.edu",
                                            "For imaplib"});
    ASSERT_EQ(sent.exitCode, 0) << sent.errors;
    const auto read = python(kImaplibRead, {port(world, "hamburger.edu", 143), "For imaplib"});
    ASSERT_EQ(read.exitCode, 0) << read.errors << read.output;
    for (const char* expected : {"LOGIN OK", "NAMESPACE OK", "LIST OK", "CREATE OK", "SEARCH OK 1", "UIDFETCH OK True",
                                 "FETCH OK True", "COPY OK", "STORE OK", "EXPUNGE OK", "NOOP OK", "SAVED 1"}) {
        EXPECT_NE(read.output.find(expected), std::string::npos) << expected << "\n" << read.output;
    }
}

TEST(RealClients, ftplibInPassiveAndActiveMode) {
    for (const std::string mode : {"passive", "active"}) {
        ServingWorld world{"05-ftp-session"};
        const auto run = python(kFtplibSession, {port(world, "ftp.school.edu", 21), mode});
        ASSERT_EQ(run.exitCode, 0) << mode << "\n" << run.errors << run.output;
        for (const char* expected : {"LIST 2 True", "RETR 4096 True", "ASCII ['Reports of the networking course.']",
                                     "SIZE 256000", "NOTES ['one', 'two']", "QUIT 221"}) {
            EXPECT_NE(run.output.find(expected), std::string::npos) << mode << ": " << expected << "\n" << run.output;
        }
        world.stop();
        // The gateway's rewrites are in the trace, original and rewritten.
        std::size_t rewrites = 0;
        for (const auto& record : world.recorder().records()) {
            const auto* event = std::get_if<trace::Event>(&record);
            if (event == nullptr || !event->is("bridge", "rewrite")) continue;
            ++rewrites;
            if (mode == "passive") {
                EXPECT_TRUE(event->text("original").starts_with("227 Entering Passive Mode (10,0,")) << event->text("original");
                EXPECT_NE(event->text("rewritten").find("(127,0,0,1,"), std::string::npos) << event->text("rewritten");
            } else {
                EXPECT_TRUE(event->text("original").starts_with("PORT 127,0,0,1,")) << event->text("original");
                EXPECT_TRUE(event->text("rewritten").starts_with("PORT 10,0,99,2,")) << event->text("rewritten");
            }
        }
        EXPECT_EQ(rewrites, 6u) << mode << ": one per data connection";
    }
}

TEST(RealClients, curlSpeaksSmtpPop3AndImap) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    test_support::TempDir dir;
    const auto mail = dir.file("mail.txt");
    {
        std::ofstream out{mail};
        out << "Subject: From curl\r\n\r\nSent with curl.\r\n";
    }
    const auto smtp = runProgram({"curl", "-sS", "--max-time", "20", "smtp://127.0.0.1:" + port(world, "hamburger.edu", 25),
                                  "--mail-from", "student@example.org", "--mail-rcpt", "bob@hamburger.edu", "--upload-file",
                                  mail.string()});
    ASSERT_EQ(smtp.exitCode, 0) << smtp.errors;
    const auto pop = runProgram({"curl", "-sS", "--max-time", "20", "-u", "bob:hungry",
                                 "pop3://127.0.0.1:" + port(world, "hamburger.edu", 110) + "/"});
    ASSERT_EQ(pop.exitCode, 0) << pop.errors;
    EXPECT_NE(pop.output.find("1 "), std::string::npos) << "a LIST answer\n" << pop.output;
    const auto imap = runProgram({"curl", "-sS", "--max-time", "20", "-u", "bob:hungry",
                                  "imap://127.0.0.1:" + port(world, "hamburger.edu", 143) + "/INBOX/;MAILINDEX=1"});
    ASSERT_EQ(imap.exitCode, 0) << imap.errors;
    EXPECT_NE(imap.output.find("Sent with curl."), std::string::npos) << imap.output;
    const auto imapSearch = runProgram({"curl", "-sS", "--max-time", "20", "-u", "bob:hungry",
                                        "imap://127.0.0.1:" + port(world, "hamburger.edu", 143) + "/INBOX?SUBJECT%20curl"});
    ASSERT_EQ(imapSearch.exitCode, 0) << imapSearch.errors;
    EXPECT_NE(imapSearch.output.find("* SEARCH "), std::string::npos) << imapSearch.output;
    world.stop();
    EXPECT_EQ(countMailEvents(world, "stored", "From curl"), 1u);
}

TEST(RealClients, curlSubmitsWithAuthOnTheSubmissionPort) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    test_support::TempDir dir;
    const auto mail = dir.file("mail.txt");
    {
        std::ofstream out{mail};
        out << "Subject: Submitted with curl\r\n\r\nTo another domain.\r\n";
    }
    // curl says AUTH, then MAIL FROM with AUTH=<> once the server offers AUTH (RFC 4954 §5).
    const auto smtp = runProgram({"curl", "-sS", "-v", "--max-time", "20", "-u", "alice:pancakes",
                                  "smtp://127.0.0.1:" + port(world, "crepes.fr", 587), "--mail-from", "alice@crepes.fr",
                                  "--mail-rcpt", "bob@hamburger.edu", "--upload-file", mail.string()});
    ASSERT_EQ(smtp.exitCode, 0) << smtp.errors;
    EXPECT_NE(smtp.errors.find("235 Authentication successful"), std::string::npos) << smtp.errors;
    for (int i = 0; i < 200 && countMailEvents(world, "stored", "Submitted with curl") == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    world.stop();
    EXPECT_EQ(countMailEvents(world, "stored", "Submitted with curl"), 1u);
}

TEST(RealClients, curlSpeaksFtpInBothModes) {
    for (const bool active : {false, true}) {
        ServingWorld world{"05-ftp-session"};
        test_support::TempDir dir;
        const std::string base = "ftp://127.0.0.1:" + port(world, "ftp.school.edu", 21) + "/";
        std::vector<std::string> common{"curl", "-sS", "--max-time", "20", "-u", "alice:wonderland"};
        if (active) {
            common.push_back("--ftp-port");
            common.push_back("127.0.0.1");
        }
        auto with = [&](std::vector<std::string> more) {
            std::vector<std::string> argv = common;
            argv.insert(argv.end(), more.begin(), more.end());
            return runProgram(argv);
        };
        const auto list = with({base + "reports/"});
        ASSERT_EQ(list.exitCode, 0) << list.errors;
        EXPECT_NE(list.output.find("report.pdf"), std::string::npos) << list.output;
        const auto get = with({base + "reports/report.pdf", "-o", dir.file("report.pdf").string()});
        ASSERT_EQ(get.exitCode, 0) << get.errors;
        EXPECT_EQ(test_support::slurp(dir.file("report.pdf")).size(), 4096u);
        {
            std::ofstream out{dir.file("up.txt")};
            out << "uploaded with curl\n";
        }
        const auto put = with({"-T", dir.file("up.txt").string(), base + "uploads/up.txt"});
        ASSERT_EQ(put.exitCode, 0) << put.errors;
        const auto back = with({base + "uploads/up.txt"});
        ASSERT_EQ(back.exitCode, 0) << back.errors;
        EXPECT_EQ(back.output, "uploaded with curl\n") << (active ? "active" : "passive");
    }
}

namespace {

// ftplib's abort() sends "ABOR\r\n" with MSG_OOB: the line's last octet is
// TCP urgent data, which a socket not reading urgent data inline would drop.
const char* kFtplibAbort = R"(
import ftplib, sys
f = ftplib.FTP()
f.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
f.login('alice', 'wonderland')
f.voidcmd('TYPE I')
conn = f.transfercmd('RETR reports/big.bin')
got = 0
while got < 200000:
    chunk = conn.recv(65536)
    if not chunk:
        break
    got += len(chunk)
print('ABOR', f.abort()[:3])
conn.close()
try:
    print('AFTER', f.getline()[:3])
except Exception as e:
    print('AFTER none')
print('NOOP', f.voidcmd('NOOP')[:3])
print('RECEIVED', got)
f.quit()
)";

}  // namespace

TEST(RealClients, ftplibAbortsADownloadWithUrgentData) {
    std::string text = test_support::readSourceFile("scenarios/05-ftp-session.yaml");
    const std::string anchor = "          - {path: reports/readme.txt";
    text.replace(text.find(anchor), 0, "          - {path: reports/big.bin, binary: all-byte-values, size: 20971520}\n");
    ServingWorld world{scenario::loadScenarioText(text, "big.yaml")};
    const auto run = python(kFtplibAbort, {port(world, "ftp.school.edu", 21)});
    ASSERT_EQ(run.exitCode, 0) << run.errors << run.output;
    // 426 for the transfer cut short and 226 for the ABOR (in either order of reading), then the session goes on.
    EXPECT_TRUE(run.output.find("ABOR 426") != std::string::npos || run.output.find("ABOR 226") != std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("NOOP 200"), std::string::npos) << run.output;
    world.stop();
    bool aborted = false;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("ftp", "line") && event->text("from") == "C" && event->text("text").ends_with("ABOR")) {
            aborted = true;
        }
    }
    EXPECT_TRUE(aborted) << "the server read the ABOR line whole";
}

TEST(LiveBackPressure, aSlowReaderClosesTheSimulatedWindowAndLosesNothing) {
    std::string text = test_support::readSourceFile("scenarios/05-ftp-session.yaml");
    const std::string anchor = "          - {path: reports/readme.txt";
    text.replace(text.find(anchor), 0, "          - {path: reports/big.bin, binary: all-byte-values, size: 8388608}\n");
    ServingWorld world{scenario::loadScenarioText(text, "big.yaml")};
    // Far more than the bridge's 256 KiB: the client waits before reading, so the bytes pile up.
    const char* script = R"(
import ftplib, sys, time
f = ftplib.FTP()
f.connect('127.0.0.1', int(sys.argv[1]), timeout=30)
f.login('alice', 'wonderland')
f.voidcmd('TYPE I')
conn = f.transfercmd('RETR reports/big.bin')
time.sleep(1.0)
data = bytearray()
while True:
    chunk = conn.recv(65536)
    if not chunk:
        break
    data += chunk
conn.close()
print('END', f.voidresp()[:3])
print('RECEIVED', len(data), data == bytes(range(256)) * 32768)
f.quit()
)";
    const auto run = python(script, {port(world, "ftp.school.edu", 21)});
    ASSERT_EQ(run.exitCode, 0) << run.errors << run.output;
    EXPECT_NE(run.output.find("RECEIVED 8388608 True"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("END 226"), std::string::npos) << run.output;
    world.stop();
    std::size_t pauses = 0;
    std::size_t resumes = 0;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || event->layer != "bridge") continue;
        pauses += event->type == "pause";
        resumes += event->type == "resume";
    }
    EXPECT_GE(pauses, 1u) << "the simulated side stopped reading while the real client did not";
    EXPECT_EQ(resumes, pauses);
}

// The webmail through the bridge: curl signs in (keeping the cookie in a jar),
// opens the inbox, asks for a message that is not there and sends one that
// SMTP then pushes through the world to another domain.
TEST(RealClients, curlUsesTheWebmailWithASessionCookie) {
    ServingWorld world{"09b-webmail-pull-vs-push"};
    const std::string base = "http://127.0.0.1:" + port(world, "hamburger.edu", 80);
    const std::string jar = test_support::programTempDir().file("cookies.txt").string();
    const auto curl = [&](std::vector<std::string> more) {
        std::vector<std::string> argv{"curl", "-sS", "--max-time", "20", "-o", "/dev/null", "-w", "%{http_code}", "-b", jar, "-c", jar};
        argv.insert(argv.end(), more.begin(), more.end());
        return runProgram(argv);
    };
    const auto form = runProgram({"curl", "-sS", "--max-time", "20", base + "/"});
    EXPECT_NE(form.output.find("<form method=\"post\" action=\"/login\">"), std::string::npos) << form.output << form.errors;
    EXPECT_EQ(curl({"-d", "user=bob&password=wrong", base + "/login"}).output, "403");
    EXPECT_EQ(curl({base + "/inbox"}).output, "303");  // no session yet: sent to the login form
    EXPECT_EQ(curl({"-d", "user=bob&password=hungry", base + "/login"}).output, "303");
    const auto inbox = runProgram({"curl", "-sS", "--max-time", "20", "-b", jar, base + "/inbox"});
    EXPECT_NE(inbox.output.find("<h1>Inbox</h1>"), std::string::npos) << inbox.output;
    EXPECT_NE(inbox.output.find("<link rel=\"stylesheet\" href=\"/style.css\">"), std::string::npos);
    EXPECT_EQ(curl({base + "/message/99"}).output, "404");
    // A session token nobody was given (without the jar, so it is the only cookie sent).
    const auto forged = runProgram({"curl", "-sS", "--max-time", "20", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                                    "Cookie: session=0123456789abcdef0123456789abcdef", base + "/inbox"});
    EXPECT_EQ(forged.output, "303");
    EXPECT_EQ(curl({"--data-urlencode", "to=alice@crepes.fr", "--data-urlencode", "subject=From curl", "--data-urlencode",
                    "body=Sent from a real browser's stand-in.", base + "/send"})
                  .output,
              "303");
    for (int i = 0; i < 200 && countMailEvents(world, "stored", "From curl") == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    world.stop();
    EXPECT_EQ(countMailEvents(world, "stored", "From curl"), 1u);
}

TEST(RealClients, aPythonBrowserFetchesThePageAndEachObjectItReferencesOverOneConnection) {
    ServingWorld world{"09b-webmail-pull-vs-push"};
    const auto run = python(kPythonBrowser, {port(world, "hamburger.edu", 80)});
    ASSERT_EQ(run.exitCode, 0) << run.errors;
    EXPECT_EQ(run.output,
              "LOGIN 303 /inbox\n"
              "INBOX 200 text/html; charset=utf-8\n"
              "OBJECT /style.css 200 text/css True\n"
              "OBJECT /logo.png 200 image/png True\n"
              "SAME CONNECTION True\n");
    world.stop();
    // Four requests, four responses, one TCP connection into the world.
    std::size_t opened = 0;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("bridge", "open")) ++opened;
    }
    EXPECT_EQ(opened, 1u);
}
