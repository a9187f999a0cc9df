#include "simulator/tcp/congestion_control.hpp"

#include <algorithm>
#include <limits>

namespace netstage::tcp {

namespace {
// "Arbitrarily high" initial ssthresh (RFC 5681 section 3.1); the peer's
// receive window is what limits the first slow start.
constexpr std::uint32_t kInitialSsthresh = std::numeric_limits<std::uint32_t>::max() / 2;
}  // namespace

RenoCongestionControl::RenoCongestionControl(std::uint32_t mss)
    : mss_{mss}, cwnd_{initialWindow(mss)}, ssthresh_{kInitialSsthresh} {}

std::uint32_t RenoCongestionControl::initialWindow(std::uint32_t mss) {
    if (mss > 2190) return 2 * mss;
    if (mss > 1095) return 3 * mss;
    return 4 * mss;
}

void RenoCongestionControl::onNewAck(std::uint32_t ackedBytes) {
    if (inFastRecovery_) {
        // Reno leaves fast recovery on the first new ACK and deflates the window.
        inFastRecovery_ = false;
        cwnd_ = ssthresh_;
        return;
    }
    if (cwnd_ < ssthresh_) {
        cwnd_ += std::min(ackedBytes, mss_);  // slow start
    } else {
        // Congestion avoidance: about one MSS per round trip.
        cwnd_ += std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::uint64_t{mss_} * mss_ / cwnd_));
    }
}

void RenoCongestionControl::onFastRetransmit(std::uint32_t flightSize) {
    ssthresh_ = halvedFlight(flightSize);
    cwnd_ = ssthresh_ + 3 * mss_;
    inFastRecovery_ = true;
}

void RenoCongestionControl::onDuplicateAck() {
    if (inFastRecovery_) cwnd_ += mss_;
}

void RenoCongestionControl::onTimeout(std::uint32_t flightSize) {
    ssthresh_ = halvedFlight(flightSize);
    cwnd_ = mss_;
    inFastRecovery_ = false;
}

std::uint32_t RenoCongestionControl::halvedFlight(std::uint32_t flightSize) const {
    return std::max(flightSize / 2, 2 * mss_);  // RFC 5681 equation (4)
}

}  // namespace netstage::tcp
