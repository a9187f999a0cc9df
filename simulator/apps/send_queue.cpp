#include "simulator/apps/send_queue.hpp"

#include <string_view>

namespace netstage::apps {

void SendQueue::write(tcp::TcpConnection& connection, std::string bytes) {
    std::size_t offset = 0;
    // The common case, a short reply on an idle connection, needs no piece.
    if (pieces_.empty()) {
        offset = connection.send(bytes);
        if (offset == bytes.size()) return;
    }
    write(connection, std::make_shared<const std::string>(std::move(bytes)), offset, std::string::npos);
}

void SendQueue::write(tcp::TcpConnection& connection, std::shared_ptr<const std::string> bytes, std::size_t offset,
                      std::size_t length) {
    if (!bytes || offset >= bytes->size() || length == 0) return;
    const std::size_t end = length >= bytes->size() - offset ? bytes->size() : offset + length;
    size_ += end - offset;
    pieces_.push_back(Piece{std::move(bytes), offset, end});
    flush(connection);
}

bool SendQueue::flush(tcp::TcpConnection& connection) {
    while (!pieces_.empty()) {
        Piece& piece = pieces_.front();
        const std::string_view rest = std::string_view{*piece.bytes}.substr(piece.offset, piece.end - piece.offset);
        const std::size_t accepted = connection.send(rest);
        piece.offset += accepted;
        size_ -= accepted;
        if (accepted < rest.size()) return false;  // onSendSpace resumes
        pieces_.pop_front();  // a piece nobody else shares is freed here
    }
    return true;
}

void SendQueue::clear() {
    pieces_.clear();
    size_ = 0;
}

}  // namespace netstage::apps
