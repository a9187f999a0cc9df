#include "protocols/dns/wire_format.hpp"

#include <map>
#include <stdexcept>

namespace netstage::dns {

namespace {

// Reading side. Every read checks bounds and records the first failure; the
// caller stops at the first failure.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_{bytes} {}

    bool failed() const { return error_.has_value(); }
    const ParseError& error() const { return *error_; }
    std::size_t position() const { return position_; }

    void fail(std::size_t at, std::string reason) {
        if (!error_) error_ = ParseError{at, std::move(reason)};
    }

    std::uint8_t u8() {
        if (failed()) return 0;
        if (position_ + 1 > bytes_.size()) {
            fail(position_, "message truncated");
            return 0;
        }
        return bytes_[position_++];
    }
    std::uint16_t u16() {
        const std::uint16_t high = u8();
        return static_cast<std::uint16_t>((high << 8) | u8());
    }
    std::uint32_t u32() {
        const std::uint32_t high = u16();
        return (high << 16) | u16();
    }

    std::vector<std::uint8_t> take(std::size_t n) {
        if (failed()) return {};
        if (n > bytes_.size() - position_) {
            fail(position_, "message truncated");
            return {};
        }
        std::vector<std::uint8_t> out(bytes_.begin() + static_cast<std::ptrdiff_t>(position_),
                                      bytes_.begin() + static_cast<std::ptrdiff_t>(position_ + n));
        position_ += n;
        return out;
    }

    // RFC 1035 §4.1.4. A pointer must point strictly before the pointer itself,
    // so following pointers always moves backwards and cannot loop.
    std::string name() {
        std::string text;
        std::size_t cursor = position_;
        std::size_t wireLength = 0;
        bool jumped = false;
        for (;;) {
            if (failed()) return {};
            if (cursor >= bytes_.size()) {
                fail(cursor, "name runs past the end of the message");
                return {};
            }
            const std::uint8_t length = bytes_[cursor];
            if ((length & 0xC0) == 0xC0) {
                if (cursor + 1 >= bytes_.size()) {
                    fail(cursor, "compression pointer truncated");
                    return {};
                }
                const std::size_t target = (static_cast<std::size_t>(length & 0x3F) << 8) | bytes_[cursor + 1];
                if (target >= cursor) {
                    fail(cursor, "compression pointer does not point backwards");
                    return {};
                }
                if (!jumped) position_ = cursor + 2;
                jumped = true;
                cursor = target;
                continue;
            }
            if ((length & 0xC0) != 0) {
                fail(cursor, "reserved label type");
                return {};
            }
            wireLength += 1u + length;
            if (wireLength > maxNameLength) {
                fail(cursor, "name longer than 255 octets");
                return {};
            }
            if (length == 0) {
                if (!jumped) position_ = cursor + 1;
                return text;
            }
            if (cursor + 1 + length > bytes_.size()) {
                fail(cursor, "label runs past the end of the message");
                return {};
            }
            if (!text.empty()) text += '.';
            for (std::size_t i = 0; i < length; ++i) {
                const char c = static_cast<char>(bytes_[cursor + 1 + i]);
                // Names travel as dotted text; a dot inside a label cannot be represented.
                if (c == '.') {
                    fail(cursor, "label contains a dot");
                    return {};
                }
                text += c;
            }
            cursor += 1u + length;
        }
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t position_ = 0;
    std::optional<ParseError> error_;
};

Flags decodeFlags(std::uint16_t word) {
    Flags flags;
    flags.qr = (word & 0x8000) != 0;
    flags.opcode = static_cast<Opcode>((word >> 11) & 0x0F);
    flags.aa = (word & 0x0400) != 0;
    flags.tc = (word & 0x0200) != 0;
    flags.rd = (word & 0x0100) != 0;
    flags.ra = (word & 0x0080) != 0;
    flags.z = static_cast<std::uint8_t>((word >> 4) & 0x07);
    flags.rcode = static_cast<Rcode>(word & 0x0F);
    return flags;
}

std::uint16_t encodeFlags(const Flags& flags) {
    unsigned word = 0;
    if (flags.qr) word |= 0x8000;
    word |= (static_cast<unsigned>(flags.opcode) & 0x0F) << 11;
    if (flags.aa) word |= 0x0400;
    if (flags.tc) word |= 0x0200;
    if (flags.rd) word |= 0x0100;
    if (flags.ra) word |= 0x0080;
    word |= (flags.z & 0x07u) << 4;
    word |= static_cast<unsigned>(flags.rcode) & 0x0F;
    return static_cast<std::uint16_t>(word);
}

ResourceRecord readRecord(Reader& in) {
    ResourceRecord record;
    record.name = in.name();
    record.type = static_cast<RecordType>(in.u16());
    const std::uint16_t klass = in.u16();
    record.klass = static_cast<RecordClass>(klass);
    record.ttl = in.u32();
    const std::uint16_t length = in.u16();
    if (in.failed()) return record;
    const std::size_t start = in.position();
    switch (record.type) {
        case RecordType::A:
            if (length != 4) {
                in.fail(start, "A record data is not 4 octets");
                return record;
            }
            record.data = A{in.u32()};
            break;
        case RecordType::MX: {
            Mx mx;
            mx.preference = in.u16();
            mx.exchange = in.name();
            if (!in.failed() && in.position() != start + length) {
                in.fail(start, "MX record data length does not match its content");
                return record;
            }
            record.data = std::move(mx);
            break;
        }
        case RecordType::OPT: {
            Opt opt;
            opt.udpSize = klass;
            opt.extendedRcode = static_cast<std::uint8_t>(record.ttl >> 24);
            opt.version = static_cast<std::uint8_t>(record.ttl >> 16);
            opt.flags = static_cast<std::uint16_t>(record.ttl & 0xFFFF);
            opt.options = in.take(length);
            record.data = std::move(opt);
            break;
        }
        default:
            record.data = Raw{in.take(length)};
            break;
    }
    return record;
}

// Writing side.
class Writer {
public:
    explicit Writer(bool compress) : compress_{compress} {}

    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) {
        u8(static_cast<std::uint8_t>(v >> 8));
        u8(static_cast<std::uint8_t>(v & 0xFF));
    }
    void u32(std::uint32_t v) {
        u16(static_cast<std::uint16_t>(v >> 16));
        u16(static_cast<std::uint16_t>(v & 0xFFFF));
    }
    void bytes(const std::vector<std::uint8_t>& v) { out_.insert(out_.end(), v.begin(), v.end()); }
    std::size_t size() const { return out_.size(); }
    void patch16(std::size_t at, std::uint16_t v) {
        out_[at] = static_cast<std::uint8_t>(v >> 8);
        out_[at + 1] = static_cast<std::uint8_t>(v & 0xFF);
    }

    void name(const std::string& text) {
        std::vector<std::string> labels;
        std::size_t wireLength = 1;
        if (!text.empty()) {
            std::size_t start = 0;
            for (;;) {
                const std::size_t dot = text.find('.', start);
                std::string label = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
                if (label.empty()) throw std::invalid_argument("DNS name has an empty label: " + text);
                if (label.size() > maxLabelLength) throw std::invalid_argument("DNS label over 63 octets: " + text);
                wireLength += 1 + label.size();
                labels.push_back(std::move(label));
                if (dot == std::string::npos) break;
                start = dot + 1;
            }
        }
        if (wireLength > maxNameLength) throw std::invalid_argument("DNS name over 255 octets: " + text);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (compress_) {
                std::string suffix;
                for (std::size_t j = i; j < labels.size(); ++j) suffix += (j > i ? "." : "") + labels[j];
                const auto known = suffixes_.find(suffix);
                if (known != suffixes_.end()) {
                    u16(static_cast<std::uint16_t>(0xC000 | known->second));
                    return;
                }
                // Pointers have 14 bits of offset.
                if (out_.size() < 0x4000) suffixes_.emplace(std::move(suffix), out_.size());
            }
            u8(static_cast<std::uint8_t>(labels[i].size()));
            for (char c : labels[i]) u8(static_cast<std::uint8_t>(c));
        }
        u8(0);
    }

    std::vector<std::uint8_t> take() { return std::move(out_); }

private:
    bool compress_;
    std::vector<std::uint8_t> out_;
    std::map<std::string, std::size_t> suffixes_;  // suffix (case kept, so a name is never re-spelled) -> offset
};

std::uint16_t count(std::size_t n) {
    if (n > 0xFFFF) throw std::invalid_argument("DNS section has more than 65535 entries");
    return static_cast<std::uint16_t>(n);
}

void writeRecord(Writer& out, const ResourceRecord& record) {
    out.name(record.name);
    out.u16(static_cast<std::uint16_t>(record.type));
    if (const auto* opt = std::get_if<Opt>(&record.data)) {
        out.u16(opt->udpSize);
        out.u32((static_cast<std::uint32_t>(opt->extendedRcode) << 24) | (static_cast<std::uint32_t>(opt->version) << 16) |
                opt->flags);
    } else {
        out.u16(static_cast<std::uint16_t>(record.klass));
        out.u32(record.ttl);
    }
    const std::size_t lengthAt = out.size();
    out.u16(0);
    std::visit(
        [&out](const auto& data) {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, A>) {
                out.u32(data.address);
            } else if constexpr (std::is_same_v<T, Mx>) {
                out.u16(data.preference);
                out.name(data.exchange);
            } else if constexpr (std::is_same_v<T, Opt>) {
                out.bytes(data.options);
            } else {
                out.bytes(data.bytes);
            }
        },
        record.data);
    const std::size_t length = out.size() - lengthAt - 2;
    if (length > 0xFFFF) throw std::invalid_argument("DNS record data over 65535 octets");
    out.patch16(lengthAt, static_cast<std::uint16_t>(length));
}

}  // namespace

std::optional<Header> parseHeader(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < headerSize) return std::nullopt;
    Reader in{bytes};
    Header header;
    header.id = in.u16();
    header.flags = decodeFlags(in.u16());
    header.questionCount = in.u16();
    header.answerCount = in.u16();
    header.authorityCount = in.u16();
    header.additionalCount = in.u16();
    return header;
}

ParseResult parse(std::span<const std::uint8_t> bytes) {
    const auto header = parseHeader(bytes);
    if (!header) return ParseResult{std::nullopt, ParseError{bytes.size(), "message shorter than the 12-octet header"}};
    Reader in{bytes};
    in.take(headerSize);
    Message message;
    message.id = header->id;
    message.flags = header->flags;
    for (std::uint16_t i = 0; i < header->questionCount && !in.failed(); ++i) {
        Question question;
        question.name = in.name();
        question.type = static_cast<RecordType>(in.u16());
        question.klass = static_cast<RecordClass>(in.u16());
        if (!in.failed()) message.questions.push_back(std::move(question));
    }
    const auto readSection = [&in](std::uint16_t n, std::vector<ResourceRecord>& section) {
        for (std::uint16_t i = 0; i < n && !in.failed(); ++i) {
            ResourceRecord record = readRecord(in);
            if (!in.failed()) section.push_back(std::move(record));
        }
    };
    readSection(header->answerCount, message.answers);
    readSection(header->authorityCount, message.authorities);
    readSection(header->additionalCount, message.additionals);
    if (in.failed()) return ParseResult{std::nullopt, in.error()};
    return ParseResult{std::move(message), {}};
}

std::vector<std::uint8_t> serialize(const Message& message, SerializeOptions options) {
    Writer out{options.compressNames};
    out.u16(message.id);
    out.u16(encodeFlags(message.flags));
    out.u16(count(message.questions.size()));
    out.u16(count(message.answers.size()));
    out.u16(count(message.authorities.size()));
    out.u16(count(message.additionals.size()));
    for (const auto& question : message.questions) {
        out.name(question.name);
        out.u16(static_cast<std::uint16_t>(question.type));
        out.u16(static_cast<std::uint16_t>(question.klass));
    }
    for (const auto& record : message.answers) writeRecord(out, record);
    for (const auto& record : message.authorities) writeRecord(out, record);
    for (const auto& record : message.additionals) writeRecord(out, record);
    return out.take();
}

}  // namespace netstage::dns
