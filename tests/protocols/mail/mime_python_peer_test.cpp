// Round trips with an independent peer, Python's `email` package: messages
// NetStage composes parse to the same tree there, and messages Python
// composes parse to the same tree here. A tree is written as one line per
// part (type, charset, file name, decoded payload in hex), the same way on
// both sides, and the lines are compared.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/mime_compose.hpp"
#include "protocols/mail/mime_part_tree.hpp"

using namespace netstage::mime;
namespace fs = std::filesystem;

namespace {

const char* const dumpScript = R"PY(
import sys
from email import message_from_bytes, policy

def dump(path_in, path_out):
    msg = message_from_bytes(open(path_in, 'rb').read(), policy=policy.default)
    lines = ['subject ' + str(msg.get('subject', '')).encode('utf-8').hex()]
    def walk(part, path):
        kind = part.get_content_type()
        charset = part.get_content_charset() or '-'
        if part.is_multipart():
            lines.append(f'{path} {kind} charset={charset} multipart')
            for i, sub in enumerate(part.get_payload(), 1):
                walk(sub, f'{path}.{i}')
        else:
            name = part.get_filename()
            name = name.encode('utf-8').hex() if name else '-'
            payload = part.get_payload(decode=True) or b''
            lines.append(f'{path} {kind} charset={charset} filename={name} {payload.hex()}')
    walk(msg, 'root')
    open(path_out, 'w').write('\n'.join(lines) + '\n')

def compose(path_out):
    from email.message import EmailMessage
    msg = EmailMessage()
    msg['From'] = 'Zoë Dupré <zoe@crepes.fr>'
    msg['To'] = 'bob@hamburger.edu'
    msg['Subject'] = 'Crêpes — la recette complète, avec des ingrédients accentués'
    msg.set_content('Bonjour Bob,\nvoici la crêpe.\n')
    msg.add_alternative('<p>Bonjour <b>Bob</b>, voici la crêpe.</p>\n', subtype='html')
    msg.add_attachment(bytes(range(256)) * 4, maintype='application', subtype='octet-stream',
                       filename='données.bin')
    msg.add_attachment('ligne très longue ' * 20 + '\n', subtype='plain', cte='quoted-printable',
                       filename='notes.txt')
    open(path_out, 'wb').write(msg.as_bytes(policy=policy.SMTP))

if sys.argv[1] == 'dump':
    dump(sys.argv[2], sys.argv[3])
else:
    compose(sys.argv[2])
)PY";

std::string hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(digits[u >> 4]);
        out.push_back(digits[u & 15]);
    }
    return out;
}

std::string lowered(std::string text) {
    for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return text;
}

void dumpPart(const MimePart& part, const std::string& path, std::string& out) {
    const std::string charset = part.contentType.parameter("charset").value_or("-");
    out += path + " " + part.contentType.mediaType() + " charset=" + (charset.empty() ? "-" : lowered(charset));
    if (part.contentType.isMultipart()) {
        out += " multipart\n";
        for (std::size_t i = 0; i < part.children.size(); ++i) {
            dumpPart(part.children[i], path + "." + std::to_string(i + 1), out);
        }
        return;
    }
    const auto name = part.fileName();
    out += " filename=" + (name ? hex(*name) : std::string{"-"}) + " " + hex(part.decodedBody().bytes) + "\n";
}

std::string dumpHere(std::string_view message) {
    const MimePart root = parseMimeMessage(message);
    std::string out = "subject " + hex(decodeHeaderText(root.field("Subject").value_or(""))) + "\n";
    dumpPart(root, "root", out);
    return out;
}

std::string readFile(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const fs::path& path, std::string_view text) {
    std::ofstream out{path, std::ios::binary};
    out << text;
}

class PythonPeer : public ::testing::Test {
protected:
    void SetUp() override {
        // python3 is part of Debian's base system: its absence is a failure, not a reason to skip.
        ASSERT_EQ(std::system("python3 -c 'import email.message' >/dev/null 2>&1"), 0)
            << "python3 with its email package is needed to check MIME against an independent peer";
        std::string pattern = (fs::temp_directory_path() / "netstage-mime-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        writeFile(dir_ / "peer.py", dumpScript);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }

    std::string python(const std::string& arguments) {
        const std::string command = "python3 '" + (dir_ / "peer.py").string() + "' " + arguments + " 2>'" +
                                    (dir_ / "stderr").string() + "'";
        const int status = std::system(command.c_str());
        EXPECT_EQ(status, 0) << readFile(dir_ / "stderr");
        return readFile(dir_ / "stderr");
    }

    std::string dumpInPython(std::string_view message) {
        writeFile(dir_ / "message.eml", message);
        python("dump '" + (dir_ / "message.eml").string() + "' '" + (dir_ / "tree.txt").string() + "'");
        return readFile(dir_ / "tree.txt");
    }

    fs::path dir_;
};

MimeMessageSpec netstageMessage() {
    MimeMessageSpec spec;
    spec.headers = {{"From", "Zo\xC3\xAB Dupr\xC3\xA9 <zoe@crepes.fr>"},
                    {"To", "bob@hamburger.edu"},
                    {"Subject", "Cr\xC3\xAApes \xE2\x80\x94 la recette compl\xC3\xA8te, avec des ingr\xC3\xA9" "dients accentu\xC3\xA9s"}};
    spec.text = "Bonjour Bob,\nvoici la cr\xC3\xAApe.\n= et des espaces en fin   \n" + std::string(120, 'x') + "\n";
    spec.html = "<p>Bonjour <b>Bob</b></p>\n";
    Attachment binary;
    binary.fileName = "donn\xC3\xA9" "es.bin";
    for (int i = 0; i < 1024; ++i) binary.data.push_back(static_cast<char>(i % 256));
    spec.attachments.push_back(binary);
    Attachment text;
    text.fileName = "notes.txt";
    text.contentType = "text/plain; charset=us-ascii";
    text.data = "plain notes\r\n";
    spec.attachments.push_back(text);
    return spec;
}

}  // namespace

TEST_F(PythonPeer, aMessageNetStageComposesHasTheSameTreeInPython) {
    const std::string message = composeMimeMessage(netstageMessage());
    const std::string here = dumpHere(message);
    EXPECT_NE(here.find("root.1.2 text/html"), std::string::npos) << here;
    EXPECT_EQ(dumpInPython(message), here);
}

TEST_F(PythonPeer, aMessagePythonComposesHasTheSameTreeHere) {
    python("compose '" + (dir_ / "python.eml").string() + "'");
    const std::string message = readFile(dir_ / "python.eml");
    ASSERT_FALSE(message.empty());
    const std::string there = dumpInPython(message);
    EXPECT_NE(there.find("root.2 application/octet-stream charset=- filename=646f6e6ec3a965732e62696e"), std::string::npos) << there;
    EXPECT_EQ(dumpHere(message), there);
}
