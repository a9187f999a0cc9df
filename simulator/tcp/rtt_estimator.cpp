#include "simulator/tcp/rtt_estimator.hpp"

#include <algorithm>

namespace netstage::tcp {

RttEstimator::RttEstimator(Time initialRto, Time minRto, Time maxRto)
    : minRto_{minRto}, maxRto_{maxRto}, rto_{initialRto} {}

void RttEstimator::addSample(Time rtt) {
    if (!hasSample_) {
        srtt_ = rtt;
        rttvar_ = rtt / 2;
        hasSample_ = true;
    } else {
        // beta = 1/4, alpha = 1/8; RTTVAR first, with the old SRTT.
        const Time deviation = srtt_ > rtt ? srtt_ - rtt : rtt - srtt_;
        rttvar_ = (rttvar_ * 3 + deviation) / 4;
        srtt_ = (srtt_ * 7 + rtt) / 8;
    }
    rto_ = clamp(srtt_ + std::max(granularity, rttvar_ * 4));
}

void RttEstimator::backoff() { rto_ = clamp(rto_ * 2); }

Time RttEstimator::clamp(Time rto) const { return std::clamp(rto, minRto_, maxRto_); }

}  // namespace netstage::tcp
