#include "simulator/apps/ftp_data_link.hpp"

namespace netstage::apps {

void FtpDataLink::send(std::string_view bytes) {
    if (offset_ == pending_.size()) {
        pending_.clear();
        offset_ = 0;
    }
    pending_.append(bytes);
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
    pending_.clear();
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
