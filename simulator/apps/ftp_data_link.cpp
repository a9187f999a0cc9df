#include "simulator/apps/ftp_data_link.hpp"

namespace netstage::apps {

void FtpDataLink::send(std::shared_ptr<const std::string> bytes, std::size_t offset) {
    if (!connection_) return;
    pending_.write(*connection_, std::move(bytes), offset);
    flush();
}

void FtpDataLink::closeWhenSent() {
    closeWanted_ = true;
    flush();
}

void FtpDataLink::flush() {
    if (!connection_) return;
    if (!pending_.flush(*connection_)) return;  // onSendSpace resumes
    if (closeWanted_ && !closeCalled_) {
        closeCalled_ = true;
        connection_->close();
    }
}

void FtpDataLink::abort() {
    closeCalled_ = true;
    pending_.clear();
    if (connection_) connection_->abort();
}

}  // namespace netstage::apps
