#pragma once
// Congestion control as a small strategy object: the connection reports what
// happened (new data acknowledged, third duplicate ACK, further duplicates,
// retransmission timeout) and reads back the congestion window. Reno
// (RFC 5681) is the one implementation.

#include <cstdint>
#include <memory>
#include <string_view>

namespace netstage::tcp {

class CongestionControl {
public:
    virtual ~CongestionControl() = default;
    virtual std::string_view name() const = 0;

    // Bytes the sender may have in flight.
    virtual std::uint32_t window() const = 0;
    virtual std::uint32_t slowStartThreshold() const = 0;
    virtual bool inFastRecovery() const = 0;

    // An ACK advanced SND.UNA by `ackedBytes`.
    virtual void onNewAck(std::uint32_t ackedBytes) = 0;
    // The third duplicate ACK: the caller retransmits the first unacknowledged segment.
    virtual void onFastRetransmit(std::uint32_t flightSize) = 0;
    // A further duplicate ACK while in fast recovery: one more segment has left the network.
    virtual void onDuplicateAck() = 0;
    virtual void onTimeout(std::uint32_t flightSize) = 0;
};

// RFC 5681: slow start, congestion avoidance, fast retransmit / fast recovery.
class RenoCongestionControl final : public CongestionControl {
public:
    explicit RenoCongestionControl(std::uint32_t mss);

    std::string_view name() const override { return "reno"; }
    std::uint32_t window() const override { return cwnd_; }
    std::uint32_t slowStartThreshold() const override { return ssthresh_; }
    bool inFastRecovery() const override { return inFastRecovery_; }

    void onNewAck(std::uint32_t ackedBytes) override;
    void onFastRetransmit(std::uint32_t flightSize) override;
    void onDuplicateAck() override;
    void onTimeout(std::uint32_t flightSize) override;

    // RFC 5681 section 3.1, equation (1).
    static std::uint32_t initialWindow(std::uint32_t mss);

private:
    std::uint32_t halvedFlight(std::uint32_t flightSize) const;

    std::uint32_t mss_;
    std::uint32_t cwnd_;
    std::uint32_t ssthresh_;
    bool inFastRecovery_ = false;
};

}  // namespace netstage::tcp
