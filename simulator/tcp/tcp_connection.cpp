// TcpConnection: the application API, the sending side and the timers.
// What happens when a segment arrives is in tcp_segment_arrives.cpp.

#include "simulator/tcp/tcp_connection.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "simulator/tcp/tcp_stack.hpp"
#include "simulator/trace/connection_key.hpp"

namespace netstage::tcp {

TcpConnection::TcpConnection(PassKey, TcpStack& stack, Endpoint local, Endpoint remote, TcpCallbacks callbacks)
    : stack_{&stack},
      simulator_{stack.simulator_},
      config_{stack.config_},
      local_{local},
      remote_{remote},
      callbacks_{std::move(callbacks)},
      rtt_{stack.config_.initialRto, stack.config_.minRto, stack.config_.maxRto} {}

TcpConnection::~TcpConnection() {
    // Timer callbacks capture `this`; none may outlive the connection.
    simulator_.cancel(retransmitEvent_);
    simulator_.cancel(persistEvent_);
    simulator_.cancel(delayedAckEvent_);
    simulator_.cancel(timeWaitEvent_);
    simulator_.cancel(deliveryEvent_);
}

// TCP's events name a connection from this host: its own end first.
std::string TcpConnection::name() const {
    const auto self = passive_ ? trace::ConnectionSide::Server : trace::ConnectionSide::Client;
    return trace::ConnectionKey::seenFrom(self, local_, remote_).toString(self);
}

std::uint32_t TcpConnection::Segment::length() const {
    std::uint32_t length = static_cast<std::uint32_t>(payload.size());
    if (header.has(tcp_flags::syn)) ++length;
    if (header.has(tcp_flags::fin)) ++length;
    return length;
}

// ---------------------------------------------------------------- opening

// RFC 9293 section 3.10.1, OPEN call in CLOSED state, active.
void TcpConnection::openActive(SequenceNumber iss) {
    iss_ = iss;
    sndUna_ = sndNxt_ = sndMax_ = iss;
    bufferSeq_ = iss + 1;
    setState(TcpState::SynSent);
    sendSyn("timeout");
}

// RFC 9293 section 3.10.7.2: a SYN arrived for a port in LISTEN.
void TcpConnection::openPassive(SequenceNumber iss, const TcpHeader& syn) {
    passive_ = true;
    state_ = TcpState::Listen;  // the listener's state, inherited; traced as the origin
    iss_ = iss;
    sndUna_ = sndNxt_ = sndMax_ = iss;
    bufferSeq_ = iss + 1;
    irs_ = syn.sequence;
    rcvNxt_ = syn.sequence + 1;
    peerMss_ = syn.mss.value_or(536);
    effectiveMss_ = std::max<std::uint16_t>(std::min(config_.mss, peerMss_), 64);
    sndWnd_ = syn.window;
    sndWl1_ = syn.sequence;
    sndWl2_ = 0;
    setState(TcpState::SynReceived);
    sendSyn("timeout");
}

void TcpConnection::establish() {
    setState(TcpState::Established);
    congestion_ = std::make_unique<RenoCongestionControl>(effectiveMss_);
    if (passive_) {
        stack_->accepted(*this);
    } else if (auto onConnected = callbacks_.onConnected) {
        onConnected();
    }
    if (state_ != TcpState::Established) return;
    if (shutdownRequested_) {
        shutdownRequested_ = false;
        shutdown();
    }
}

// ---------------------------------------------------------------- API

void TcpConnection::setCallbacks(TcpCallbacks callbacks) {
    callbacks_ = std::move(callbacks);
    if (!unread_.empty() || peerClosedPending_) scheduleDelivery();
}

std::size_t TcpConnection::send(std::span<const std::uint8_t> bytes) {
    const bool open = state_ == TcpState::SynSent || state_ == TcpState::SynReceived ||
                      state_ == TcpState::Established || state_ == TcpState::CloseWait;
    if (!open || shutdownRequested_ || finQueued_) return 0;
    const std::size_t accepted = std::min(bytes.size(), sendBufferFree());
    if (accepted < bytes.size()) sendSpaceWanted_ = true;
    if (accepted == 0) return 0;
    sendBuffer_.append(bytes.first(accepted));
    output();
    return accepted;
}

std::size_t TcpConnection::send(std::string_view text) {
    return send(std::span{reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

std::size_t TcpConnection::sendBufferFree() const {
    return config_.sendBuffer > sendBuffer_.size() ? config_.sendBuffer - sendBuffer_.size() : 0;
}

// RFC 9293 section 3.10.4, CLOSE call.
void TcpConnection::shutdown() {
    switch (state_) {
        case TcpState::SynSent:
        case TcpState::SynReceived:
            // Queued data still goes out: the FIN follows once ESTABLISHED.
            shutdownRequested_ = true;
            return;
        case TcpState::Established:
            finQueued_ = true;
            finSeq_ = dataEnd();
            setState(TcpState::FinWait1);
            output();
            return;
        case TcpState::CloseWait:
            finQueued_ = true;
            finSeq_ = dataEnd();
            setState(TcpState::LastAck);
            output();
            return;
        default:
            return;  // already closing or closed
    }
}

void TcpConnection::close() {
    discardIncoming_ = true;
    unread_.clear();
    peerClosedPending_ = false;
    shutdown();
}

// RFC 9293 section 3.10.5, ABORT call.
void TcpConnection::abort() {
    if (state_ == TcpState::Closed) return;
    discardIncoming_ = true;
    unread_.clear();
    if (state_ != TcpState::SynSent && state_ != TcpState::TimeWait) sendReset(sndNxt_);
    enterClosed();
}

void TcpConnection::pauseReading() { readingPaused_ = true; }

void TcpConnection::resumeReading() {
    readingPaused_ = false;
    scheduleDelivery();
}

std::uint16_t TcpConnection::receiveWindow() const {
    return static_cast<std::uint16_t>(std::min<std::uint32_t>(freeReceiveSpace(), 65535));
}

std::uint32_t TcpConnection::freeReceiveSpace() const {
    const std::size_t unread = unread_.size();
    return unread >= config_.receiveBuffer ? 0 : config_.receiveBuffer - static_cast<std::uint32_t>(unread);
}

// ---------------------------------------------------------------- sending

SequenceNumber TcpConnection::dataEnd() const {
    return bufferSeq_ + static_cast<std::uint32_t>(sendBuffer_.size());
}

void TcpConnection::output(bool force) {
    switch (state_) {
        case TcpState::Established:
        case TcpState::CloseWait:
        case TcpState::FinWait1:
        case TcpState::Closing:
        case TcpState::LastAck:
            break;
        default:
            return;
    }
    const std::uint32_t congestionWindow = congestion_ ? congestion_->window() : effectiveMss_;
    const std::uint32_t window = std::min(sndWnd_, congestionWindow);
    for (;;) {
        const SequenceNumber end = dataEnd();
        const std::uint32_t unsent = sequenceLess(sndNxt_, end) ? end - sndNxt_ : 0;
        const std::uint32_t inFlight = sndNxt_ - sndUna_;
        const std::uint32_t usable = window > inFlight ? window - inFlight : 0;
        const std::uint32_t length = std::min({unsent, usable, std::uint32_t{effectiveMss_}});
        const bool fin = finQueued_ && length == unsent && sndNxt_ + length == finSeq_;
        if (length == 0 && !fin) break;
        // Sender-side silly window avoidance (RFC 1122 section 4.2.3.4): no
        // runt while data is in flight; its ACK will open the window further.
        if (!force && length < effectiveMss_ && length < unsent && inFlight > 0) break;
        force = false;

        std::uint8_t flags = tcp_flags::ack;
        if (fin) flags |= tcp_flags::fin;
        if (length > 0 && length == unsent) flags |= tcp_flags::psh;
        const SequenceNumber seq = sndNxt_;
        if (sequenceLess(seq, sndMax_)) {
            timing_ = false;  // Karn: nothing in this round trip can be timed
            traceRetransmit(seq, length, retransmitReason_);
        } else if (!timing_ && length > 0) {
            timing_ = true;
            timedSeq_ = seq;
            timedAt_ = simulator_.now();
        }
        sendSegment(seq, length, flags);
        sndNxt_ = seq + length + (fin ? 1 : 0);
        if (sequenceGreater(sndNxt_, sndMax_)) sndMax_ = sndNxt_;
        if (retransmitDeadline_ == Time::max()) armRetransmissionTimer();
        if (fin) break;
    }
    // A zero window with data waiting and nothing in flight: only a probe can
    // learn that the window reopened if the peer's window update is lost.
    if (sndWnd_ == 0 && sndNxt_ == sndUna_ && sequenceLess(sndNxt_, dataEnd())) armPersistTimer();
}

void TcpConnection::sendSegment(SequenceNumber seq, std::uint32_t length, std::uint8_t flags) {
    Packet packet;
    packet.ip.source = local_.address;
    packet.ip.destination = remote_.address;
    packet.ip.protocol = IpProtocol::Tcp;
    TcpHeader header;
    header.sourcePort = local_.port;
    header.destinationPort = remote_.port;
    header.sequence = seq;
    header.flags = flags;
    if ((flags & tcp_flags::ack) != 0) {
        header.acknowledgement = rcvNxt_;
        ackPending_ = false;
        segmentsSinceAck_ = 0;
    }
    if ((flags & tcp_flags::rst) == 0) {
        header.window = receiveWindow();
        lastAdvertisedWindow_ = header.window;
    }
    if ((flags & tcp_flags::syn) != 0) header.mss = config_.mss;
    if (length > 0) {
        packet.payload.resize(length);
        sendBuffer_.copyOut(seq - bufferSeq_, length, packet.payload.data());
    }
    packet.transport = header;
    count(&TcpConnectionStats::segmentsSent);
    count(&TcpConnectionStats::bytesSent, length);
    stack_->transmit(std::move(packet));
}

// The SYN (SYN-SENT) or SYN,ACK (SYN-RECEIVED), first send or retransmission.
void TcpConnection::sendSyn(std::string_view retransmitReason) {
    const bool again = sequenceGreater(sndMax_, iss_);
    if (again) {
        timing_ = false;
        traceRetransmit(iss_, 0, retransmitReason);
    } else {
        timing_ = true;
        timedSeq_ = iss_;
        timedAt_ = simulator_.now();
    }
    std::uint8_t flags = tcp_flags::syn;
    if (state_ == TcpState::SynReceived) flags |= tcp_flags::ack;
    sendSegment(iss_, 0, flags);
    sndNxt_ = sndMax_ = iss_ + 1;
    armRetransmissionTimer();
}

void TcpConnection::sendAck() { sendSegment(sndNxt_, 0, tcp_flags::ack); }

void TcpConnection::sendReset(SequenceNumber seq) {
    stack_->totals_.resetsSent++;
    sendSegment(seq, 0, tcp_flags::rst);
}

// Sends the segment at SND.UNA again, whatever the windows say: after a
// timeout, and for fast retransmit (RFC 5681 section 3.2).
void TcpConnection::retransmitFirstSegment(std::string_view reason) {
    const SequenceNumber end = dataEnd();
    const std::uint32_t length =
        std::min<std::uint32_t>(effectiveMss_, sequenceLess(sndUna_, end) ? end - sndUna_ : 0);
    const bool fin = finQueued_ && sndUna_ + length == finSeq_ && sequenceGreater(sndMax_, finSeq_);
    if (length == 0 && !fin) return;
    timing_ = false;
    traceRetransmit(sndUna_, length, reason);
    std::uint8_t flags = tcp_flags::ack;
    if (fin) flags |= tcp_flags::fin;
    if (length > 0 && sndUna_ + length == end) flags |= tcp_flags::psh;
    sendSegment(sndUna_, length, flags);
    const SequenceNumber next = sndUna_ + length + (fin ? 1 : 0);
    if (sequenceLess(sndNxt_, next)) sndNxt_ = next;
}

// ---------------------------------------------------------------- timers

// RFC 6298 section 5: (re)start the timer so it expires RTO from now.
void TcpConnection::armRetransmissionTimer() {
    retransmitDeadline_ = simulator_.now() + rtt_.rto();
    if (simulator_.isPending(retransmitEvent_) && retransmitEventAt_ <= retransmitDeadline_) return;
    simulator_.cancel(retransmitEvent_);
    retransmitEventAt_ = retransmitDeadline_;
    retransmitEvent_ = simulator_.scheduleAt(retransmitEventAt_, [this] { onRetransmissionTimerEvent(); });
}

void TcpConnection::stopRetransmissionTimer() {
    retransmitDeadline_ = Time::max();
    simulator_.cancel(retransmitEvent_);
}

void TcpConnection::onRetransmissionTimerEvent() {
    const auto keepAlive = shared_from_this();
    if (retransmitDeadline_ == Time::max()) return;
    if (simulator_.now() < retransmitDeadline_) {
        // ACKs moved the deadline since this event was scheduled.
        retransmitEventAt_ = retransmitDeadline_;
        retransmitEvent_ = simulator_.scheduleAt(retransmitEventAt_, [this] { onRetransmissionTimerEvent(); });
        return;
    }
    retransmitDeadline_ = Time::max();
    onRetransmissionTimeout();
}

// RFC 6298 section 5.4-5.6 and RFC 5681 section 3.1 (loss window).
void TcpConnection::onRetransmissionTimeout() {
    switch (state_) {
        case TcpState::SynSent:
        case TcpState::SynReceived:
            if (++retries_ > config_.maxSynRetries) {
                enterClosed(TcpError::TimedOut);
                return;
            }
            count(&TcpConnectionStats::timeouts);
            rtt_.backoff();
            sendSyn("timeout");
            return;
        case TcpState::Established:
        case TcpState::FinWait1:
        case TcpState::CloseWait:
        case TcpState::Closing:
        case TcpState::LastAck:
            break;
        default:
            return;
    }
    if (sndUna_ == sndMax_) return;
    if (++retries_ > config_.maxRetransmissions) {
        enterClosed(TcpError::TimedOut);
        return;
    }
    count(&TcpConnectionStats::timeouts);
    congestion_->onTimeout(flightSize());
    rtt_.backoff();
    recover_ = sndMax_;
    recoverValid_ = true;
    duplicateAcks_ = 0;
    retransmitReason_ = "timeout";
    sndNxt_ = sndUna_;  // go back N: everything after SND.UNA is sent again as the window allows
    retransmitFirstSegment("timeout");
    armRetransmissionTimer();
}

void TcpConnection::armPersistTimer() {
    if (simulator_.isPending(persistEvent_)) return;
    if (persistInterval_ == Time::zero()) persistInterval_ = rtt_.rto();
    persistEvent_ = simulator_.schedule(persistInterval_, [this] { onPersistTimeout(); });
}

// RFC 9293 section 3.8.6.1: probe a zero window with one byte, backing off.
void TcpConnection::onPersistTimeout() {
    const auto keepAlive = shared_from_this();
    if (state_ != TcpState::Established && state_ != TcpState::CloseWait && state_ != TcpState::FinWait1 &&
        state_ != TcpState::Closing && state_ != TcpState::LastAck) {
        return;
    }
    if (sndWnd_ > 0) {
        persistInterval_ = Time::zero();
        output(true);
        return;
    }
    if (sndNxt_ != sndUna_ || !sequenceLess(sndNxt_, dataEnd())) return;
    count(&TcpConnectionStats::windowProbes);
    windowProbeOutstanding_ = true;
    sendSegment(sndNxt_, 1, tcp_flags::ack);
    persistInterval_ = std::min(persistInterval_ * 2, config_.maxRto);
    persistEvent_ = simulator_.schedule(persistInterval_, [this] { onPersistTimeout(); });
}

// RFC 1122 section 4.2.3.2: the ACK may wait, but never longer than the timeout.
void TcpConnection::scheduleDelayedAck() {
    if (simulator_.isPending(delayedAckEvent_)) return;
    delayedAckEvent_ = simulator_.schedule(config_.delayedAckTimeout, [this] {
        const auto keepAlive = shared_from_this();
        if (ackPending_ && state_ != TcpState::Closed) sendAck();
    });
}

// RFC 9293 section 3.10.7.4: TIME-WAIT holds the connection for 2 MSL.
// Entered again when the peer retransmits its FIN: the wait restarts.
void TcpConnection::enterTimeWait() {
    if (state_ != TcpState::TimeWait) setState(TcpState::TimeWait);
    stopRetransmissionTimer();
    simulator_.cancel(persistEvent_);
    simulator_.cancel(timeWaitEvent_);
    timeWaitEvent_ = simulator_.schedule(config_.msl * 2, [this] {
        const auto keepAlive = shared_from_this();
        enterClosed();
    });
}

// ---------------------------------------------------------------- bookkeeping

void TcpConnection::setState(TcpState to) {
    if (!isValidTransition(state_, to)) {
        throw std::logic_error{std::string{"TCP: no transition "} + std::string{toString(state_)} + " -> " +
                               std::string{toString(to)}};
    }
    const TcpState from = state_;
    state_ = to;
    trace::Tracer& tracer = stack_->tracer_;
    if (tracer.wantsEvents()) {
        tracer.event(trace::Event{simulator_.now(), stack_->nodeName_, "tcp", "state",
                                  {{"connection", name()},
                                   {"from", std::string{toString(from)}},
                                   {"to", std::string{toString(to)}}}});
    }
}

void TcpConnection::enterClosed(std::optional<TcpError> error) {
    if (state_ == TcpState::Closed) return;
    const auto keepAlive = shared_from_this();
    stopRetransmissionTimer();
    simulator_.cancel(persistEvent_);
    simulator_.cancel(delayedAckEvent_);
    simulator_.cancel(timeWaitEvent_);
    ackPending_ = false;
    setState(TcpState::Closed);
    stack_->removeConnection(*this);
    if (error) {
        if (auto onError = callbacks_.onError) onError(*error);
    }
    if (auto onClosed = callbacks_.onClosed) onClosed();
}

void TcpConnection::traceRetransmit(SequenceNumber seq, std::uint32_t length, std::string_view reason) {
    count(&TcpConnectionStats::retransmissions);
    trace::Tracer& tracer = stack_->tracer_;
    if (tracer.wantsEvents()) {
        tracer.event(trace::Event{simulator_.now(), stack_->nodeName_, "tcp", "retransmit",
                                  {{"connection", name()},
                                   {"seq", std::int64_t{seq}},
                                   {"len", std::int64_t{length}},
                                   {"reason", std::string{reason}}}});
    }
}

void TcpConnection::count(std::uint64_t TcpConnectionStats::*counter, std::uint64_t amount) {
    stats_.*counter += amount;
    static_cast<TcpConnectionStats&>(stack_->totals_).*counter += amount;
}

}  // namespace netstage::tcp
