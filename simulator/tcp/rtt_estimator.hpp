#pragma once
// The retransmission timeout of RFC 6298: SRTT and RTTVAR from RTT samples,
// RTO = SRTT + max(G, 4 * RTTVAR) clamped to [minRto, maxRto], doubled on
// every expiry. Karn's rule (never sample a retransmitted segment) is the
// caller's part: it simply does not call addSample for such segments.

#include "simulator/core/time.hpp"

namespace netstage::tcp {

class RttEstimator {
public:
    RttEstimator(Time initialRto, Time minRto, Time maxRto);

    // RFC 6298 sections 2.2 (first sample) and 2.3 (later samples).
    void addSample(Time rtt);
    // RFC 6298 section 5.5: back the timer off after an expiry.
    void backoff();

    Time rto() const { return rto_; }
    Time smoothedRtt() const { return srtt_; }
    Time rttVariation() const { return rttvar_; }
    bool hasSample() const { return hasSample_; }

    // The clock granularity G: the simulator's clock is exact, but a zero G
    // would let RTO collapse onto SRTT when the RTT never varies.
    static constexpr Time granularity = Time::fromMilliseconds(1);

private:
    Time clamp(Time rto) const;

    Time minRto_;
    Time maxRto_;
    Time rto_;
    Time srtt_;
    Time rttvar_;
    bool hasSample_ = false;
};

}  // namespace netstage::tcp
