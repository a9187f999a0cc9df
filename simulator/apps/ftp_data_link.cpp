#include "simulator/apps/ftp_data_link.hpp"

namespace netstage::apps {

void FtpDataLink::send(std::string bytes) {
    if (offset_ == pending_.size()) {
        pending_ = std::move(bytes);
        offset_ = 0;
    } else {
        pending_.append(bytes);
    }
    flush();
}

void FtpDataLink::closeWhenSent() {
    closeWanted_ = true;
    flush();
}

void FtpDataLink::flush() {
    if (!connection_) return;
    while (offset_ < pending_.size()) {
        const std::size_t accepted = connection_->send(std::string_view{pending_}.substr(offset_));
        if (accepted == 0) return;  // onSendSpace resumes
        offset_ += accepted;
    }
    pending_ = std::string{};  // a sent file's buffer is given back, not kept until the link dies
    offset_ = 0;
    if (closeWanted_ && !closeCalled_) {
        closeCalled_ = true;
        connection_->close();
    }
}

void FtpDataLink::abort() {
    closeCalled_ = true;
    if (connection_) connection_->abort();
}

}  // namespace netstage::apps
