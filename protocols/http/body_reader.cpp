#include "protocols/http/body_reader.hpp"

#include <algorithm>

namespace netstage::http {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

void BodyReader::begin(Framing framing, std::size_t length, BodyLimits limits) {
    framing_ = framing;
    limits_ = limits;
    remaining_ = framing == Framing::Length ? length : 0;
    chunk_ = Chunk::Size;
    trailerOctets_ = 0;
    trailers_ = {};
    error_.clear();
}

BodyReader::Progress BodyReader::fail(Progress progress, std::string why) {
    error_ = std::move(why);
    return progress;
}

BodyReader::Progress BodyReader::step(proto::LineReader& reader, std::string& body) {
    switch (framing_) {
        case Framing::None: return Progress::Complete;
        case Framing::Length: {
            if (remaining_ > 0 && reader.buffered() > 0) {
                const std::size_t n = std::min(remaining_, reader.buffered());
                body += *reader.takeRaw(n);
                remaining_ -= n;
            }
            return remaining_ == 0 ? Progress::Complete : Progress::NeedData;
        }
        case Framing::UntilClose: {
            if (body.size() + reader.buffered() > limits_.maxBody) {
                return fail(Progress::TooLarge, "body longer than " + std::to_string(limits_.maxBody) + " octets");
            }
            body += *reader.takeRaw(reader.buffered());
            return Progress::NeedData;
        }
        case Framing::Chunked: return stepChunked(reader, body);
    }
    return Progress::Malformed;
}

// RFC 9112 §7.1: chunk-size [chunk-ext] CRLF chunk-data CRLF ... last-chunk trailer-section CRLF.
BodyReader::Progress BodyReader::stepChunked(proto::LineReader& reader, std::string& body) {
    for (;;) {
        switch (chunk_) {
            case Chunk::Size: {
                reader.setLimit(limits_.maxChunkLine);
                const auto line = reader.next();
                if (!line) return Progress::NeedData;
                if (line->tooLong) return fail(Progress::Malformed, "chunk size line too long");
                const std::string_view text{line->text};
                std::size_t size = 0;
                std::size_t digits = 0;
                while (digits < text.size() && hexDigit(text[digits]) >= 0) {
                    if (digits == 15) return fail(Progress::TooLarge, "chunk size too large");
                    size = size * 16 + static_cast<std::size_t>(hexDigit(text[digits]));
                    ++digits;
                }
                if (digits == 0) return fail(Progress::Malformed, "chunk size is not hexadecimal");
                // Extensions are ignored (RFC 9112 §7.1.1); only their start is checked.
                const std::string_view rest = text.substr(digits);
                const std::size_t ext = rest.find_first_not_of(" \t");
                if (ext != std::string_view::npos && rest[ext] != ';') {
                    return fail(Progress::Malformed, "junk after the chunk size");
                }
                if (text.find('\r') != std::string_view::npos) return fail(Progress::Malformed, "bare CR in chunk line");
                if (size == 0) {
                    chunk_ = Chunk::Trailers;
                    break;
                }
                if (size > limits_.maxBody || body.size() + size > limits_.maxBody) {
                    return fail(Progress::TooLarge, "body longer than " + std::to_string(limits_.maxBody) + " octets");
                }
                remaining_ = size;
                chunk_ = Chunk::Data;
                break;
            }
            case Chunk::Data: {
                if (reader.buffered() == 0) return Progress::NeedData;
                const std::size_t n = std::min(remaining_, reader.buffered());
                body += *reader.takeRaw(n);
                remaining_ -= n;
                if (remaining_ == 0) chunk_ = Chunk::DataEnd;
                break;
            }
            case Chunk::DataEnd: {
                reader.setLimit(limits_.maxChunkLine);
                const auto line = reader.next();
                if (!line) return Progress::NeedData;
                if (!line->text.empty() || line->tooLong) return fail(Progress::Malformed, "chunk data longer than its size");
                chunk_ = Chunk::Size;
                break;
            }
            case Chunk::Trailers: {
                reader.setLimit(limits_.maxTrailerLine);
                const auto line = reader.next();
                if (!line) return Progress::NeedData;
                if (line->tooLong) return fail(Progress::TooLarge, "trailer field line too long");
                if (line->text.empty()) return Progress::Complete;
                trailerOctets_ += line->text.size() + 2;
                if (trailerOctets_ > limits_.maxTrailerSection || trailers_.size() >= limits_.maxTrailers) {
                    return fail(Progress::TooLarge, "trailer section too large");
                }
                if (line->text.front() == ' ' || line->text.front() == '\t') {
                    return fail(Progress::Malformed, "obsolete line folding in the trailer section");
                }
                auto parsed = parseFieldLine(line->text);
                if (!parsed.field) return fail(Progress::Malformed, parsed.error);
                trailers_.add(std::move(parsed.field->name), std::move(parsed.field->value));
                break;
            }
        }
    }
}

}  // namespace netstage::http
