#include "simulator/scenario/send_loader.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "protocols/mail/header_fields.hpp"
#include "protocols/mail/message_compose.hpp"
#include "protocols/mail/mime_compose.hpp"
#include "protocols/mail/transfer_encoding.hpp"
#include "simulator/scenario/scenario_text.hpp"

namespace netstage::scenario {

namespace {

// An attachment the scenario generates is made in memory; this keeps a
// typo ("200GB") from exhausting it. Large enough for any lecture example.
constexpr std::uint64_t kLargestAttachment = 20'000'000;

bool hasEightBit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) > 127; });
}

// RFC 5321 §4.5.3.1.6: a text line is at most 998 octets before its CRLF; the
// server refuses a message with a longer one.
void requireSmtpLines(const YamlValue& v, const std::string& body) {
    std::size_t start = 0;
    for (int line = 1; start <= body.size(); ++line) {
        const std::size_t end = std::min(body.find('\n', start), body.size());
        std::size_t length = end - start;
        if (length > 0 && body[end - 1] == '\r') --length;
        if (length > 998) {
            v.fail("line " + std::to_string(line) + " of the body is " + std::to_string(length) +
                   " octets; SMTP allows at most 998 (RFC 5321 §4.5.3.1.6), so the server would refuse the message");
        }
        start = end + 1;
    }
}

std::string lowerCase(std::string text) {
    for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return text;
}

const MailServerSpec* mailServerOn(const ScenarioSpec& spec, const std::string& host) {
    const auto server = std::find_if(spec.mailServers.begin(), spec.mailServers.end(),
                                     [&](const MailServerSpec& s) { return s.host == host; });
    return server == spec.mailServers.end() ? nullptr : &*server;
}

// RFC 6152 and RFC 5321 §2.4: an SMTP client sends 8-bit text only after EHLO,
// to a server that offered 8BITMIME, and refuses it otherwise. The body goes
// out as it is (`headers: false`) or as an 8bit MIME part (`8bit: true`); no
// 7-bit form of it is made on the way, so what decides is whether each client
// on the way says HELO, and whether the user agent's server offers 8BITMIME:
// the user agent to its server, and that server relaying to a recipient of
// another domain.
void requireEightBitRoute(const YamlValue& body, const SendSpec& send, const UserAgentSpec& ua,
                          const std::optional<SourceLocation>& helo, const ScenarioSpec& spec,
                          const HeloRelays& heloRelays) {
    const auto octet = std::find_if(send.body.begin(), send.body.end(), [](char c) { return static_cast<unsigned char>(c) > 127; });
    if (octet == send.body.end()) return;
    const std::string which = "this body has 8-bit text (octet number " + std::to_string(octet - send.body.begin() + 1) +
                              " is above 127)";
    const std::string why = ": 8-bit text needs EHLO and a server that offers 8BITMIME (RFC 6152), so ";
    if (helo) {
        body.fail(which + " and the user agent says HELO (smtp: {ehlo: false} at line " + std::to_string(helo->line) +
                  ")" + why + "the user agent would refuse to send it; write the body in US-ASCII or let it say EHLO");
    }
    const MailServerSpec* server = mailServerOn(spec, ua.server);
    if (!server) return;
    if (!server->offer8BitMime) {
        body.fail(which + " and " + server->host + " does not offer 8BITMIME (offer_8bitmime: false at line " +
                  std::to_string(server->where.line) + ")" + why +
                  "the user agent would refuse to send it; leave out 8bit: true to send it quoted-printable");
    }
    const auto relay = heloRelays.find(ua.server);
    if (relay == heloRelays.end()) return;
    std::vector<std::string> recipients = send.envelopeTo;
    if (recipients.empty()) {
        recipients = send.to;
        recipients.insert(recipients.end(), send.cc.begin(), send.cc.end());
        recipients.insert(recipients.end(), send.bcc.begin(), send.bcc.end());
    }
    for (const auto& recipient : recipients) {
        const std::string domain = recipient.substr(recipient.rfind('@') + 1);
        if (lowerCase(domain) == lowerCase(server->domain)) continue;
        body.fail(which + " and " + server->host + " relays it to " + recipient + " with HELO (relay_smtp: {ehlo: false} at line " +
                  std::to_string(relay->second.line) + ")" + why + server->host +
                  " would refuse to relay it; write the body in US-ASCII or let " + server->host + " relay with EHLO");
    }
}

std::vector<std::string> addressList(const YamlValue& list) {
    std::vector<std::string> out;
    for (const auto& item : list.isScalar() ? std::vector<YamlValue>{list} : list.items("e-mail addresses")) {
        out.push_back(readMailAddress(item));
    }
    return out;
}

// The addresses of an address field's value ("Bob <bob@x.org>, carol@y.org",
// "Friends: a@x.org, b@y.org;", "undisclosed-recipients:;"): what a user agent
// takes the envelope recipients from. nullopt names an item with no address.
struct AddressItems {
    std::vector<std::string> addresses;
    std::optional<std::string> bad;
};
AddressItems addressesIn(std::string_view value) {
    AddressItems out;
    std::vector<std::string> items;
    std::string current;
    bool quoted = false, angle = false;
    auto close = [&] {
        items.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\' && i + 1 < value.size()) current += value[++i];
            else if (c == '"') quoted = false;
            else current += c;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '<') angle = true, current += c;
        else if (c == '>') angle = false, current += c;
        else if (!angle && c == ':') current.clear();  // a group's display name
        else if (!angle && (c == ',' || c == ';')) close();
        else current += c;
    }
    close();
    for (const std::string& item : items) {
        std::string_view text = item;
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        if (text.empty()) continue;
        const auto open = text.find('<');
        const auto shut = text.rfind('>');
        const std::string_view address = open != std::string_view::npos && shut != std::string_view::npos && shut > open
                                             ? text.substr(open + 1, shut - open - 1)
                                             : text;
        if (!isMailAddress(address)) {
            out.bad = std::string{text};
            return out;
        }
        out.addresses.emplace_back(address);
    }
    return out;
}

bool isAddressField(std::string_view name) {
    for (const std::string_view known : {"From", "To", "Cc", "Bcc", "Reply-To", "Sender"}) {
        if (mime::equalsIgnoreCase(name, known)) return true;
    }
    return false;
}

// RFC 5322 §3.6.8: a field name is printable US-ASCII without the colon.
bool isFieldName(std::string_view name) {
    if (name.empty() || name.size() > 76) return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return c > ' ' && c < 127 && c != ':'; });
}

std::vector<std::pair<std::string, std::string>> readHeaderFields(const YamlValue& v) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : v.entries()) {
        const std::string name = key.asString();
        if (!isFieldName(name)) {
            key.fail("expected a header field name such as Reply-To or X-Course (printable US-ASCII, no spaces or "
                     "colons, RFC 5322 §3.6.8), found '" + name + "'");
        }
        for (const std::string_view mime : {"MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition"}) {
            if (mime::equalsIgnoreCase(name, mime)) {
                key.fail("the user agent writes " + std::string{mime} +
                         " itself from the body and attachments; leave it out of headers");
            }
        }
        for (const auto& [earlier, unused] : fields) {
            if (mime::equalsIgnoreCase(earlier, name)) key.fail("the field '" + name + "' is already given as '" + earlier + "'");
        }
        const std::string text = readLineText(value, "the " + name + " field");
        if (isAddressField(name)) {
            const AddressItems items = addressesIn(text);
            if (items.bad) {
                value.fail("expected addresses such as \"Bob <bob@hamburger.edu>, carol@crepes.fr\" in the " + name +
                           " field, found '" + *items.bad + "'");
            }
        }
        fields.emplace_back(name, text);
    }
    return fields;
}

const std::string* fieldValue(const SendSpec& send, std::string_view name) {
    for (const auto& [field, value] : send.headerFields) {
        if (mime::equalsIgnoreCase(field, name)) return &value;
    }
    return nullptr;
}

std::string makeData(std::uint64_t size, const std::optional<std::string>& pattern) {
    std::string data(size, '\0');
    if (size == 0) return data;
    std::size_t seed = 0;
    if (pattern) {
        for (; seed < data.size() && seed < pattern->size(); ++seed) data[seed] = (*pattern)[seed];
    } else {
        for (; seed < data.size() && seed < 256; ++seed) data[seed] = static_cast<char>(seed);
    }
    // Doubling the pattern, not octet by octet.
    for (std::size_t done = seed; done < data.size(); done *= 2) {
        const std::size_t n = std::min(done, data.size() - done);
        std::copy_n(data.begin(), n, data.begin() + static_cast<std::ptrdiff_t>(done));
    }
    return data;
}

AttachmentSpec readAttachment(const YamlValue& v) {
    v.requireMap("an attachment ({name: ..., type: ..., text: ...} or base64: or generate: {size: ..., pattern: ...})");
    v.allowOnly({"name", "type", "text", "base64", "generate"});
    AttachmentSpec attachment;
    attachment.where = v.where();
    const auto name = v.get("name");
    attachment.name = readLineText(name, "the attachment's file name");
    if (attachment.name.empty()) name.fail("expected a file name such as photo.png, found an empty text");
    if (auto t = v.find("type")) {
        const std::string type = readLineText(*t, "the attachment's content type");
        const auto slash = type.find('/');
        const bool tokens = std::all_of(type.begin(), type.end(), [](char c) {
            return c > ' ' && c < 127 && std::string_view{"()<>@,;:\\\"[]?="}.find(c) == std::string_view::npos;
        });
        if (slash == std::string::npos || slash == 0 || slash + 1 == type.size() || type.find('/', slash + 1) != std::string::npos ||
            !tokens) {
            t->fail("expected a content type such as image/png or application/pdf (RFC 2045 §5.1), found '" + type + "'");
        }
        attachment.contentType = type;
    }
    const auto text = v.find("text");
    const auto base64 = v.find("base64");
    const auto generate = v.find("generate");
    const int given = (text ? 1 : 0) + (base64 ? 1 : 0) + (generate ? 1 : 0);
    if (given != 1) {
        v.fail(given == 0 ? "an attachment needs its contents: 'text', 'base64' or 'generate: {size: ..., pattern: ...}'"
                          : "give an attachment's contents once: 'text', 'base64' or 'generate', not several");
    }
    if (text) {
        attachment.data = text->asString();
        text->declareContent(attachment.data.size());
    } else if (base64) {
        const std::string encoded = base64->asString();
        for (std::size_t i = 0; i < encoded.size(); ++i) {
            const char c = encoded[i];
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
                            c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
            if (!ok) {
                base64->fail("expected base64 (A-Z, a-z, 0-9, +, / and = padding, RFC 4648 §4); character number " +
                             std::to_string(i + 1) + " is '" + std::string(1, c) + "'");
            }
        }
        const auto decoded = mime::decodeBase64(encoded);
        if (!decoded.clean) base64->fail("this base64 text is cut short or has padding in the middle (RFC 4648 §4)");
        attachment.data = decoded.bytes;
        base64->declareContent(attachment.data.size());
    } else {
        generate->requireMap("generated contents ({size: 200KB, pattern: ...})");
        generate->allowOnly({"size", "pattern"});
        const auto size = generate->get("size");
        const auto octets = parseOctetCount(size.asString());
        if (!octets) size.fail("expected a size such as 200KB, 1.5MB, 64KiB or 512 (octets), found '" + size.asString() + "'");
        if (*octets > kLargestAttachment) {
            size.fail("a generated attachment may be at most 20MB (" + std::to_string(kLargestAttachment) + " octets), found " +
                      std::to_string(*octets) + " octets");
        }
        std::optional<std::string> pattern;
        if (auto p = generate->find("pattern")) {
            pattern = p->asString();
            if (pattern->empty()) p->fail("expected a pattern of at least one octet, found an empty text");
        }
        size.declareContent(*octets);
        attachment.data = makeData(*octets, pattern);
    }
    return attachment;
}

}  // namespace

bool SendSpec::usesMime() const {
    return headers && (!headerFields.empty() || !attachments.empty() || eightBit || mime::needsQuotedPrintable(body) ||
                       hasEightBit(subject));
}

std::optional<std::uint64_t> parseOctetCount(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.')) ++digits;
    std::string_view number = text.substr(0, digits);
    std::string_view unit = text.substr(digits);
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    std::uint64_t scale = 1;
    if (unit.empty() || unit == "B") scale = 1;
    else if (unit == "KB" || unit == "kB") scale = 1000;
    else if (unit == "MB") scale = 1000'000;
    else if (unit == "KiB") scale = 1024;
    else if (unit == "MiB") scale = 1024 * 1024;
    else return std::nullopt;
    const auto dot = number.find('.');
    if (number.empty() || number.front() == '.' || number.back() == '.' ||
        (dot != std::string_view::npos && number.find('.', dot + 1) != std::string_view::npos)) {
        return std::nullopt;
    }
    const std::string_view whole = number.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : number.substr(dot + 1);
    if (whole.size() > 12 || fraction.size() > 6) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : whole) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    value *= scale;
    std::uint64_t denominator = 1, numerator = 0;
    for (const char c : fraction) {
        numerator = numerator * 10 + static_cast<std::uint64_t>(c - '0');
        denominator *= 10;
    }
    const std::uint64_t part = numerator * scale;
    if (part % denominator != 0) return std::nullopt;  // "1.5B" is not a whole number of octets
    return value + part / denominator;
}

void requireComposable(const YamlValue& v, const std::string& text, bool isBody) {
    mail::ComposeOptions options;
    options.from = "check@example.org";
    (isBody ? options.body : options.subject) = text;
    const auto composed = mail::composeMessage(options);
    if (!composed.ok()) {
        v.fail("this message cannot be sent as written: " + composed.error().message + "; the first offending octet is number " +
               std::to_string(composed.error().offset + 1));
    }
}

SendSpec readSend(const YamlValue& s, const UserAgentSpec& ua, const std::optional<SourceLocation>& helo,
                  const ScenarioSpec& spec, const HeloRelays& heloRelays) {
    s.requireMap("a message to send");
    s.allowOnly({"to", "cc", "bcc", "subject", "body", "headers", "envelope", "attachments", "8bit"});
    SendSpec send;
    if (auto x = s.find("to")) send.to = addressList(*x);
    if (auto x = s.find("cc")) send.cc = addressList(*x);
    if (auto x = s.find("bcc")) send.bcc = addressList(*x);
    const auto headers = s.find("headers");
    if (headers && headers->isMap()) {
        send.headerFields = readHeaderFields(*headers);
    } else if (headers) {
        send.headers = headers->asBool();
    }
    const auto attachments = s.find("attachments");
    if (attachments) {
        for (const auto& item : attachments->items("attachments")) send.attachments.push_back(readAttachment(item));
    }
    const auto body = attachments ? s.find("body") : std::optional<YamlValue>{s.get("body")};
    if (body) send.body = body->asString();
    if (auto x = s.find("subject")) send.subject = readLineText(*x, "the subject");
    if (auto x = s.find("8bit")) send.eightBit = x->asBool();
    if (!send.headers) {
        // With headers: false the body goes out as typed: nothing else is written.
        for (const char* key : {"bcc", "attachments", "8bit"}) {
            if (auto x = s.find(key)) {
                x->fail(std::string{"'"} + key + "' needs the header fields the user agent writes; leave out headers: false");
            }
        }
    }
    if (auto e = s.find("envelope")) {
        e->requireMap("an envelope ({from: ..., to: [...]})");
        e->allowOnly({"from", "to"});
        if (auto f = e->find("from")) send.envelopeFrom = readMailAddress(*f);
        if (auto t = e->find("to")) {
            send.envelopeTo = addressList(*t);
            if (send.envelopeTo.empty()) t->fail("an envelope needs at least one recipient in 'to' (RCPT TO)");
        }
    }
    // A user agent takes the envelope recipients from the To, Cc and Bcc fields it writes.
    if (send.envelopeTo.empty() && (fieldValue(send, "To") || fieldValue(send, "Cc") || fieldValue(send, "Bcc"))) {
        for (const auto& [name, keyed] : {std::pair{"To", &send.to}, std::pair{"Cc", &send.cc}, std::pair{"Bcc", &send.bcc}}) {
            const std::string* written = fieldValue(send, name);
            const std::vector<std::string> found = written ? addressesIn(*written).addresses : *keyed;
            send.envelopeTo.insert(send.envelopeTo.end(), found.begin(), found.end());
        }
    }
    const bool noRecipient = send.envelopeTo.empty() && send.to.empty() && send.cc.empty() && send.bcc.empty();
    if (noRecipient) {
        if (auto to = s.find("to")) to.value().fail("a message needs at least one recipient in 'to'");
        s.fail("a message needs at least one recipient: give 'to', 'cc', 'bcc', a To, Cc or Bcc field in headers, or "
               "envelope: {to: ...}");
    }
    if (!send.headers) {
        requireSmtpLines(*body, send.body);
        requireEightBitRoute(*body, send, ua, helo, spec, heloRelays);
    } else if (send.eightBit && body) {
        requireEightBitRoute(*body, send, ua, helo, spec, heloRelays);
    }
    if (body) body->declareContent(send.body.size());
    return send;
}

}  // namespace netstage::scenario
