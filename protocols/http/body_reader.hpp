#pragma once
// Reads one message body off the stream (RFC 9112 §6, §7.1), for both
// engines: a known length, chunked (with its trailer section), or, for a
// response, everything until the connection closes. The octets go straight
// into the message's body string, so a body is held once.

#include <cstddef>
#include <cstdint>
#include <string>

#include "protocols/common/line_reader.hpp"
#include "protocols/http/fields.hpp"

namespace netstage::http {

enum class Framing { None, Length, Chunked, UntilClose };

struct BodyLimits {
    std::size_t maxBody = std::size_t{1} << 20;  // decoded octets
    std::size_t maxChunkLine = 1024;             // chunk size and extensions, with CRLF
    std::size_t maxTrailerLine = 8192;
    std::size_t maxTrailerSection = 65536;
    std::size_t maxTrailers = 100;
};

class BodyReader {
public:
    enum class Progress { NeedData, Complete, TooLarge, Malformed };

    void begin(Framing framing, std::size_t length, BodyLimits limits);

    // Moves what it can from `reader` to `body`. After TooLarge or
    // Malformed the stream cannot be read further: the connection must end.
    Progress step(proto::LineReader& reader, std::string& body);
    // The stream ended; only an until-close body is then complete.
    Progress end() const { return framing_ == Framing::UntilClose ? Progress::Complete : Progress::Malformed; }

    Framing framing() const { return framing_; }
    const std::string& error() const { return error_; }
    HeaderFields takeTrailers() { return std::move(trailers_); }

private:
    enum class Chunk { Size, Data, DataEnd, Trailers };

    Progress stepChunked(proto::LineReader& reader, std::string& body);
    Progress fail(Progress progress, std::string why);

    Framing framing_ = Framing::None;
    BodyLimits limits_;
    std::size_t remaining_ = 0;  // of the body (Length) or of the current chunk
    Chunk chunk_ = Chunk::Size;
    std::size_t trailerOctets_ = 0;
    HeaderFields trailers_;
    std::string error_;
};

}  // namespace netstage::http
