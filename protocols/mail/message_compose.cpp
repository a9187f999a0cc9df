#include "protocols/mail/message_compose.hpp"

#include <array>

namespace netstage::mail {

namespace {

constexpr std::size_t maxLineOctets = 998;  // RFC 5322 §2.1.1, without CRLF
constexpr std::size_t foldWidth = 78;       // RFC 5322 §2.1.1 SHOULD

// Where `text` breaks the 7-bit rules, or npos.
std::size_t firstInvalidOctet(std::string_view text, bool allowLineBreaks) {
    std::size_t lineLength = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c > 127 || c == 0) return i;
        if (c == '\n') {
            if (!allowLineBreaks) return i;
            lineLength = 0;
            continue;
        }
        if (c == '\r') {
            if (!allowLineBreaks || i + 1 >= text.size() || text[i + 1] != '\n') return i;
            continue;
        }
        if (++lineLength > maxLineOctets) return i;
    }
    return std::string_view::npos;
}

std::string toCrlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

// An address list folded after commas so lines stay near 78 octets.
HeaderField addressField(std::string_view name, const std::vector<std::string>& addresses) {
    std::string value;
    std::string raw{name};
    raw.append(":");
    std::size_t lineLength = raw.size();
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const std::string& address = addresses[i];
        const bool last = i + 1 == addresses.size();
        const std::size_t needed = 1 + address.size() + (last ? 0 : 1);
        if (i > 0 && lineLength + needed > foldWidth) {
            raw.append("\r\n");
            lineLength = 0;
        }
        raw.append(" ").append(address);
        if (!last) raw.append(",");
        lineLength += needed;
        if (i > 0) value.append(", ");
        value.append(address);
    }
    return HeaderField{std::string{name}, std::move(value), std::move(raw)};
}

}  // namespace

Result<InternetMessage> composeMessage(const ComposeOptions& options) {
    struct Part {
        const char* what;
        std::string_view text;
    };
    std::vector<Part> parts{{"from", options.from},
                            {"subject", options.subject},
                            {"date", options.date},
                            {"messageId", options.messageId}};
    for (const std::string& to : options.to) parts.push_back({"to", to});
    for (const std::string& cc : options.cc) parts.push_back({"cc", cc});
    for (const Part& part : parts) {
        const std::size_t bad = firstInvalidOctet(part.text, false);
        if (bad != std::string_view::npos) {
            return ParseError{bad, std::string{part.what} + ": only 7-bit US-ASCII without line breaks is allowed (no MIME)"};
        }
    }
    const std::size_t badBody = firstInvalidOctet(options.body, true);
    if (badBody != std::string_view::npos) {
        return ParseError{badBody, "body: only 7-bit US-ASCII lines of at most 998 octets are allowed (no MIME)"};
    }
    if (options.from.empty()) return ParseError{0, "from: a message needs an originator (RFC 5322 §3.6)"};

    InternetMessage message;
    message.headers.push_back(makeField("From", options.from));
    if (!options.to.empty()) message.headers.push_back(addressField("To", options.to));
    if (!options.cc.empty()) message.headers.push_back(addressField("Cc", options.cc));
    message.headers.push_back(makeField("Subject", options.subject));
    message.headers.push_back(makeField("Date", options.date));
    if (!options.messageId.empty()) {
        std::string id = options.messageId;
        if (id.front() != '<') id = "<" + id + ">";
        message.headers.push_back(makeField("Message-ID", id));
    }
    message.body = toCrlf(options.body);
    return message;
}

std::string formatRfc5322Date(std::int64_t unixSeconds) {
    // Days and seconds with floor division, so dates before 1970 work too.
    std::int64_t days = unixSeconds / 86400;
    std::int64_t secondsOfDay = unixSeconds % 86400;
    if (secondsOfDay < 0) {
        secondsOfDay += 86400;
        --days;
    }
    // 1970-01-01 was a Thursday.
    static constexpr std::array<const char*, 7> weekdays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    const std::int64_t weekday = ((days % 7) + 7) % 7;
    // Civil date from days since the epoch (H. Hinnant's algorithm).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto twoDigits = [](std::int64_t n) {
        return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
    };
    std::string out = weekdays[static_cast<std::size_t>(weekday)];
    out.append(", ").append(std::to_string(day)).append(" ");
    out.append(months[static_cast<std::size_t>(month - 1)]).append(" ");
    std::string yearText = std::to_string(year);
    while (yearText.size() < 4) yearText.insert(yearText.begin(), '0');
    out.append(yearText).append(" ");
    out.append(twoDigits(secondsOfDay / 3600)).append(":");
    out.append(twoDigits(secondsOfDay / 60 % 60)).append(":");
    out.append(twoDigits(secondsOfDay % 60)).append(" +0000");
    return out;
}

HeaderField makeReceivedHeader(const ReceivedInfo& info) {
    std::string first = "from " + info.fromDomain + " by " + info.byDomain + " with " + info.with;
    if (!info.id.empty()) first.append(" id ").append(info.id);
    std::string second;
    if (!info.recipient.empty()) second.append("for <").append(info.recipient).append(">");
    second.append("; ").append(info.date);
    HeaderField field;
    field.name = "Received";
    field.value = first + (info.recipient.empty() ? "" : " ") + second;
    field.raw = "Received: " + first + "\r\n\t" + second;
    return field;
}

HeaderField makeReturnPath(std::string_view reversePath) {
    return makeField("Return-Path", "<" + std::string{reversePath} + ">");
}

std::string prependField(std::string_view messageText, const HeaderField& field) {
    std::string out = field.raw.empty() ? field.name + ": " + field.value : field.raw;
    out.append("\r\n").append(messageText);
    return out;
}

std::string prependReceived(std::string_view messageText, const ReceivedInfo& info) {
    return prependField(messageText, makeReceivedHeader(info));
}

}  // namespace netstage::mail
