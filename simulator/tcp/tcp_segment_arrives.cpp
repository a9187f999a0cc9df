// TcpConnection: what happens when a segment arrives (RFC 9293 section
// 3.10.7), one handler per state, plus the receive side (reassembly,
// delayed ACK, delivery to the application, flow control).

#include <algorithm>

#include "simulator/tcp/tcp_connection.hpp"
#include "simulator/tcp/tcp_stack.hpp"

namespace netstage::tcp {

void TcpConnection::segmentArrives(const Packet& packet) {
    const Segment segment{*packet.tcp(), packet.payload};
    stats_.segmentsReceived++;
    ackNow_ = false;
    switch (state_) {
        case TcpState::Closed:
        case TcpState::Listen: return;  // never in the connection table in these states
        case TcpState::SynSent: onSegmentInSynSent(segment); break;
        case TcpState::SynReceived: onSegmentInSynReceived(segment); break;
        case TcpState::Established: onSegmentInEstablished(segment); break;
        case TcpState::FinWait1: onSegmentInFinWait1(segment); break;
        case TcpState::FinWait2: onSegmentInFinWait2(segment); break;
        case TcpState::CloseWait: onSegmentInCloseWait(segment); break;
        case TcpState::Closing: onSegmentInClosing(segment); break;
        case TcpState::LastAck: onSegmentInLastAck(segment); break;
        case TcpState::TimeWait: onSegmentInTimeWait(segment); break;
    }
    if (state_ == TcpState::Closed) return;
    output();
    if (ackNow_ && ackPending_) sendAck();
    ackNow_ = false;
}

// ---------------------------------------------------------------- per state

// RFC 9293 section 3.10.7.3: SYN-SENT.
void TcpConnection::onSegmentInSynSent(const Segment& segment) {
    const TcpHeader& header = segment.header;
    const bool hasAck = segment.has(tcp_flags::ack);
    if (hasAck && (sequenceLessEqual(header.acknowledgement, iss_) ||
                   sequenceGreater(header.acknowledgement, sndMax_))) {
        if (!segment.has(tcp_flags::rst)) sendReset(header.acknowledgement);
        return;
    }
    if (segment.has(tcp_flags::rst)) {
        if (hasAck) enterClosed(TcpError::Refused);
        return;
    }
    if (!segment.has(tcp_flags::syn)) return;

    irs_ = header.sequence;
    rcvNxt_ = header.sequence + 1;
    peerMss_ = header.mss.value_or(536);
    effectiveMss_ = std::max<std::uint16_t>(std::min(config_.mss, peerMss_), 64);
    sndWnd_ = header.window;
    sndWl1_ = header.sequence;
    sndWl2_ = header.acknowledgement;
    if (!hasAck) {
        // Simultaneous open: both SYNs crossed.
        setState(TcpState::SynReceived);
        sendSyn("simultaneous-open");
        return;
    }
    sndUna_ = header.acknowledgement;
    if (timing_ && sequenceGreater(sndUna_, timedSeq_)) rtt_.addSample(simulator_.now() - timedAt_);
    timing_ = false;
    retries_ = 0;
    stopRetransmissionTimer();
    sendAck();
    establish();
    if (state_ == TcpState::Closed) return;
    onTextAndFin(segment);
}

// RFC 9293 section 3.10.7.4: SYN-RECEIVED.
void TcpConnection::onSegmentInSynReceived(const Segment& segment) {
    if (segment.has(tcp_flags::syn) && !segment.has(tcp_flags::ack) && segment.seq() == irs_) {
        // The peer retransmitted its SYN: our SYN,ACK was lost.
        sendSyn("duplicate-syn");
        return;
    }
    // Simultaneous open (RFC 9293 figure 7, RFC 5961 section 4.2): the
    // peer's SYN,ACK repeats its SYN, so it ends at RCV.NXT; it is the ACK
    // of our SYN, not a stray SYN to challenge.
    const bool crossedSynAck = !passive_ && segment.has(tcp_flags::syn) && segment.has(tcp_flags::ack) &&
                               segment.seq() == irs_ && segment.payload.empty() &&
                               segment.header.acknowledgement == sndNxt_;
    if (!crossedSynAck && (!checkSequence(segment) || !checkResetAndSyn(segment))) return;
    if (!segment.has(tcp_flags::ack)) return;
    const SequenceNumber ack = segment.header.acknowledgement;
    if (!(sequenceLess(sndUna_, ack) && sequenceLessEqual(ack, sndNxt_))) {
        sendReset(ack);
        return;
    }
    sndUna_ = ack;
    sndWnd_ = segment.header.window;
    sndWl1_ = segment.seq();
    sndWl2_ = ack;
    if (timing_ && sequenceGreater(ack, timedSeq_)) rtt_.addSample(simulator_.now() - timedAt_);
    timing_ = false;
    retries_ = 0;
    stopRetransmissionTimer();
    establish();
    if (state_ == TcpState::Closed || crossedSynAck) return;
    onTextAndFin(segment);
}

// RFC 9293 section 3.10.7.4: ESTABLISHED.
void TcpConnection::onSegmentInEstablished(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment) || !processAck(segment)) return;
    onTextAndFin(segment);
}

// RFC 9293 section 3.10.7.4: FIN-WAIT-1. Our FIN acknowledged -> FIN-WAIT-2.
void TcpConnection::onSegmentInFinWait1(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment) || !processAck(segment)) return;
    if (ourFinAcked()) setState(TcpState::FinWait2);
    onTextAndFin(segment);
}

// RFC 9293 section 3.10.7.4: FIN-WAIT-2. We still receive until the peer's FIN.
void TcpConnection::onSegmentInFinWait2(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment) || !processAck(segment)) return;
    onTextAndFin(segment);
}

// RFC 9293 section 3.10.7.4: CLOSE-WAIT. The peer sent its FIN: no more text.
void TcpConnection::onSegmentInCloseWait(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment)) return;
    processAck(segment);
}

// RFC 9293 section 3.10.7.4: CLOSING. Our FIN acknowledged -> TIME-WAIT.
void TcpConnection::onSegmentInClosing(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment) || !processAck(segment)) return;
    if (ourFinAcked()) enterTimeWait();
}

// RFC 9293 section 3.10.7.4: LAST-ACK. Our FIN acknowledged -> CLOSED.
void TcpConnection::onSegmentInLastAck(const Segment& segment) {
    if (!checkSequence(segment) || !checkResetAndSyn(segment) || !processAck(segment)) return;
    if (ourFinAcked()) enterClosed();
}

// RFC 9293 section 3.10.7.4: TIME-WAIT. A retransmitted FIN is acknowledged
// (checkSequence does that) and restarts the 2 MSL wait.
void TcpConnection::onSegmentInTimeWait(const Segment& segment) {
    if (!checkSequence(segment)) {
        if (segment.has(tcp_flags::fin) && !segment.has(tcp_flags::rst)) enterTimeWait();
        return;
    }
    checkResetAndSyn(segment);
}

void TcpConnection::onTextAndFin(const Segment& segment) {
    if (state_ != TcpState::Established && state_ != TcpState::FinWait1 && state_ != TcpState::FinWait2) return;
    if (!processText(segment) || state_ == TcpState::Closed) return;
    switch (state_) {
        case TcpState::Established: setState(TcpState::CloseWait); break;
        case TcpState::FinWait1:
            if (ourFinAcked()) {
                enterTimeWait();
            } else {
                setState(TcpState::Closing);
            }
            break;
        case TcpState::FinWait2: enterTimeWait(); break;
        default: break;
    }
    notifyPeerClosed();
}

// ---------------------------------------------------------------- shared steps

// First check: is the segment in the receive window? If not, ACK and drop.
bool TcpConnection::checkSequence(const Segment& segment) {
    const std::int64_t window = receiveWindow();
    const std::int64_t length = segment.length();
    const std::int64_t start = sequenceDistance(rcvNxt_, segment.seq());
    bool acceptable = false;
    if (length == 0) {
        acceptable = window == 0 ? start == 0 : (start >= 0 && start < window);
    } else if (window == 0) {
        // Not acceptable by the letter of the RFC, which asks to make
        // "special allowance" for the ACK and RST it carries: processText
        // drops the text beyond the (zero) window and ACKs at once.
        acceptable = start == 0;
    } else {
        const std::int64_t last = start + length - 1;
        acceptable = (start >= 0 && start < window) || (last >= 0 && last < window);
    }
    if (acceptable) return true;
    if (!segment.has(tcp_flags::rst)) sendOutOfWindowAck(segment);
    return false;
}

// Second and fourth checks: RST and SYN (with RFC 5961's challenge ACK).
bool TcpConnection::checkResetAndSyn(const Segment& segment) {
    if (segment.has(tcp_flags::rst)) {
        if (segment.seq() == rcvNxt_) {
            onReset();
        } else {
            sendOutOfWindowAck(segment);  // challenge ACK: a blind RST must match RCV.NXT exactly
        }
        return false;
    }
    if (segment.has(tcp_flags::syn)) {
        sendOutOfWindowAck(segment);  // challenge ACK
        return false;
    }
    return true;
}

void TcpConnection::onReset() {
    switch (state_) {
        case TcpState::SynReceived:
            // Passive: the half-open connection just goes away (the listener
            // stays). Active (simultaneous open): refused.
            enterClosed(passive_ ? std::nullopt : std::optional{TcpError::Refused});
            return;
        case TcpState::Established:
        case TcpState::FinWait1:
        case TcpState::FinWait2:
        case TcpState::CloseWait:
            enterClosed(TcpError::Reset);
            return;
        default:
            enterClosed();
            return;
    }
}

// Fifth check: the ACK field (RFC 9293 section 3.10.7.4, RFC 5681, RFC 6298).
bool TcpConnection::processAck(const Segment& segment) {
    if (!segment.has(tcp_flags::ack)) return false;
    const TcpHeader& header = segment.header;
    const SequenceNumber ack = header.acknowledgement;
    const SequenceNumber highest = windowProbeOutstanding_ ? sndMax_ + 1 : sndMax_;
    if (sequenceGreater(ack, highest)) {
        sendOutOfWindowAck(segment);  // acknowledges something not yet sent
        return false;
    }
    if (sequenceLess(ack, sndUna_)) return true;  // an old duplicate: ignore the ACK

    bool freedSpace = false;
    if (sequenceGreater(ack, sndUna_)) {
        const std::uint32_t acked = ack - sndUna_;
        if (timing_ && sequenceGreater(ack, timedSeq_)) {
            rtt_.addSample(simulator_.now() - timedAt_);
            timing_ = false;
        }
        const SequenceNumber end = dataEnd();
        const SequenceNumber dataAcked = sequenceLess(ack, end) ? ack : end;
        if (sequenceGreater(dataAcked, bufferSeq_)) {
            sendBuffer_.consume(dataAcked - bufferSeq_);
            bufferSeq_ = dataAcked;
            freedSpace = true;
        }
        sndUna_ = ack;
        if (sequenceLess(sndNxt_, sndUna_)) sndNxt_ = sndUna_;
        if (sequenceLess(sndMax_, sndUna_)) sndMax_ = sndUna_;
        windowProbeOutstanding_ = false;
        if (recoverValid_ && sequenceGreaterEqual(sndUna_, recover_)) recoverValid_ = false;
        retries_ = 0;
        duplicateAcks_ = 0;
        if (congestion_) congestion_->onNewAck(acked);
        if (sndUna_ == sndMax_) {
            stopRetransmissionTimer();
        } else {
            armRetransmissionTimer();
        }
    } else if (segment.payload.empty() && !segment.has(tcp_flags::fin) && header.window == sndWnd_ &&
               sndUna_ != sndMax_) {
        // A duplicate ACK (RFC 5681 section 2): the peer got a segment past a hole.
        count(&TcpConnectionStats::duplicateAcks);
        ++duplicateAcks_;
        if (duplicateAcks_ == 3 && !recoverValid_ && congestion_) {
            count(&TcpConnectionStats::fastRetransmits);
            congestion_->onFastRetransmit(flightSize());
            retransmitFirstSegment("fast");
        } else if (duplicateAcks_ > 3 && congestion_) {
            congestion_->onDuplicateAck();
        }
    }

    // Send-window update, guarded by SND.WL1/SND.WL2 against reordered segments.
    if (sequenceLess(sndWl1_, segment.seq()) ||
        (sndWl1_ == segment.seq() && sequenceLessEqual(sndWl2_, ack))) {
        sndWnd_ = header.window;
        sndWl1_ = segment.seq();
        sndWl2_ = ack;
        if (sndWnd_ > 0) {
            simulator_.cancel(persistEvent_);
            persistInterval_ = Time::zero();
        }
    }

    if (freedSpace && sendSpaceWanted_ && sendBufferFree() > 0) {
        sendSpaceWanted_ = false;
        if (auto onSendSpace = callbacks_.onSendSpace) onSendSpace();
        if (state_ == TcpState::Closed) return false;
    }
    return true;
}

void TcpConnection::sendOutOfWindowAck(const Segment& segment) {
    const bool occupiesSequenceSpace = (!segment.payload.empty() || segment.has(tcp_flags::fin)) &&
                                       !segment.has(tcp_flags::syn) && !segment.has(tcp_flags::rst);
    if (!occupiesSequenceSpace) {
        // Data and FIN always get their ACK: the peer needs it to stop
        // retransmitting, and they cannot be part of an ACK loop.
        if (simulator_.now() - lastOutOfWindowAck_ < outOfWindowAckInterval) return;
        lastOutOfWindowAck_ = simulator_.now();
    }
    sendAck();
}

bool TcpConnection::ourFinAcked() const { return finQueued_ && sequenceGreater(sndUna_, finSeq_); }

// Sixth and eighth steps: segment text and FIN. Returns whether the peer's
// FIN was consumed (it is in order and every byte before it has arrived).
bool TcpConnection::processText(const Segment& segment) {
    const std::uint64_t baseOffset = rcvOffset_;
    const SequenceNumber firstDataSeq = segment.seq() + (segment.has(tcp_flags::syn) ? 1 : 0);
    const std::int64_t start = sequenceDistance(rcvNxt_, firstDataSeq);
    const std::int64_t end = start + static_cast<std::int64_t>(segment.payload.size());
    const std::int64_t window = freeReceiveSpace();
    const std::int64_t from = std::max<std::int64_t>(start, 0);
    const std::int64_t to = std::min(end, window);
    const bool trimmed = !segment.payload.empty() && (from > start || to < end);
    const bool hadHole = !reassembly_.empty();
    bool outOfOrder = false;
    bool inOrder = false;

    // Owed before the data reaches the application: if it answers at once,
    // its segment carries the ACK and the delayed ACK is no longer owed.
    if (!segment.payload.empty() || segment.has(tcp_flags::fin)) ackPending_ = true;
    if (to > from) {
        const auto piece = segment.payload.subspan(static_cast<std::size_t>(from - start),
                                                   static_cast<std::size_t>(to - from));
        if (from == 0) {
            inOrder = true;
            acceptInOrder(piece);
            if (hadHole) {
                reassembly_.drain(rcvOffset_, [this](std::span<const std::uint8_t> bytes) { acceptInOrder(bytes); });
            }
            if (state_ == TcpState::Closed) return false;  // the application aborted from onData
        } else {
            reassembly_.insert(rcvOffset_ + static_cast<std::uint64_t>(from), piece);
            outOfOrder = true;
        }
    }
    if (segment.has(tcp_flags::fin) && !peerFinReceived_ && to >= end && end >= 0) {
        pendingFinOffset_ = baseOffset + static_cast<std::uint64_t>(end);
        if (*pendingFinOffset_ != rcvOffset_) outOfOrder = true;
    }

    bool finConsumed = false;
    if (pendingFinOffset_ && *pendingFinOffset_ == rcvOffset_ && !peerFinReceived_) {
        consumeFin();
        finConsumed = true;
    }
    // RFC 1122 section 4.2.3.2 / RFC 5681 section 4.2: ACK at once for
    // anything out of order, a filled hole or a FIN; otherwise every second
    // segment, or when the delayed-ACK timer runs out.
    if (outOfOrder || trimmed || (hadHole && inOrder) || finConsumed || !config_.delayedAck) {
        if (ackPending_) ackNow_ = true;
    } else if (inOrder && ackPending_) {
        if (++segmentsSinceAck_ >= 2) {
            ackNow_ = true;
        } else {
            scheduleDelayedAck();
        }
    }
    return finConsumed;
}

void TcpConnection::consumeFin() {
    rcvNxt_ += 1;
    peerFinReceived_ = true;
    pendingFinOffset_.reset();
    ackPending_ = true;
    ackNow_ = true;
}

void TcpConnection::acceptInOrder(std::span<const std::uint8_t> bytes) {
    rcvOffset_ += bytes.size();
    rcvNxt_ += static_cast<std::uint32_t>(bytes.size());
    count(&TcpConnectionStats::bytesReceived, bytes.size());
    if (discardIncoming_ || state_ == TcpState::Closed) return;
    if (!readingPaused_ && !delivering_ && unread_.empty() && callbacks_.onData) {
        const auto onData = callbacks_.onData;
        onData(bytes);  // straight from the segment: no copy
        return;
    }
    unread_.append(bytes);
}

void TcpConnection::scheduleDelivery() {
    if (simulator_.isPending(deliveryEvent_)) return;
    deliveryEvent_ = simulator_.schedule(Time::zero(), [this] {
        const auto keepAlive = shared_from_this();
        deliverUnread();
    });
}

void TcpConnection::deliverUnread() {
    if (delivering_) return;
    delivering_ = true;
    while (!readingPaused_ && !unread_.empty() && callbacks_.onData && !discardIncoming_) {
        const auto front = unread_.front();
        const std::vector<std::uint8_t> chunk(front.begin(), front.end());
        unread_.consume(chunk.size());
        const auto onData = callbacks_.onData;
        onData(chunk);
    }
    delivering_ = false;
    if (peerClosedPending_) notifyPeerClosed();
    maybeSendWindowUpdate();
}

void TcpConnection::notifyPeerClosed() {
    const bool attached = callbacks_.onData || callbacks_.onPeerClosed;
    if (!discardIncoming_ && (!unread_.empty() || readingPaused_ || !attached)) {
        peerClosedPending_ = true;
        return;
    }
    peerClosedPending_ = false;
    if (auto onPeerClosed = callbacks_.onPeerClosed) onPeerClosed();
}

// RFC 1122 section 4.2.3.3: announce a reopened window only once it grew by
// min(half the buffer, one MSS), so the peer is not invited to send runts.
void TcpConnection::maybeSendWindowUpdate() {
    if (state_ != TcpState::Established && state_ != TcpState::FinWait1 && state_ != TcpState::FinWait2) return;
    if (peerFinReceived_) return;
    const std::uint32_t threshold = std::min<std::uint32_t>(config_.receiveBuffer / 2, effectiveMss_);
    if (receiveWindow() >= lastAdvertisedWindow_ + threshold) sendAck();
}

}  // namespace netstage::tcp
