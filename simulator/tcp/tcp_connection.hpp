#pragma once
// One TCP connection (RFC 9293): its state machine, send and receive
// sequence spaces, retransmission, flow and congestion control.
//
// Connections are created by TcpStack (connect() or an accepted SYN) and are
// owned through shared_ptr; the stack keeps each one alive until it reaches
// CLOSED. The stack must outlive every connection it created.
//
// Reading is push-based: bytes go to onData as they arrive in order. An
// application that cannot keep up calls pauseReading(); bytes then wait in the
// receive buffer, the advertised window shrinks as they accumulate, and
// resumeReading() hands them over and reopens the window with a window update.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "simulator/core/simulator.hpp"
#include "simulator/packet/packet.hpp"
#include "simulator/tcp/byte_queue.hpp"
#include "simulator/tcp/congestion_control.hpp"
#include "simulator/tcp/reassembly_queue.hpp"
#include "simulator/tcp/rtt_estimator.hpp"
#include "simulator/tcp/sequence_number.hpp"
#include "simulator/tcp/tcp_callbacks.hpp"
#include "simulator/tcp/tcp_config.hpp"
#include "simulator/tcp/tcp_state.hpp"
#include "simulator/tcp/tcp_stats.hpp"

namespace netstage::tcp {

class TcpStack;

class TcpConnection : public std::enable_shared_from_this<TcpConnection> {
    struct PassKey {
        explicit PassKey() = default;
    };

public:
    TcpConnection(PassKey, TcpStack& stack, Endpoint local, Endpoint remote, TcpCallbacks callbacks);
    ~TcpConnection();
    TcpConnection(const TcpConnection&) = delete;
    TcpConnection& operator=(const TcpConnection&) = delete;

    TcpState state() const { return state_; }
    Endpoint local() const { return local_; }
    Endpoint remote() const { return remote_; }
    // "10.0.1.2:49152-10.0.2.10:25", as in traces.
    std::string name() const;

    // Bytes received before callbacks were set, or while reading was paused,
    // are handed to the new onData shortly after (in a zero-delay event).
    void setCallbacks(TcpCallbacks callbacks);
    // Forgets the callbacks and schedules nothing: the stack is being taken
    // down, and whatever the callbacks hold (an application's connection
    // object holding this one back) must be let go.
    void dropCallbacks() { callbacks_ = {}; }

    // Queues bytes for sending; returns how many were accepted (at most
    // sendBufferFree()). Accepted in SYN-SENT, SYN-RECEIVED, ESTABLISHED and
    // CLOSE-WAIT; 0 in any other state. A short count arms onSendSpace.
    std::size_t send(std::span<const std::uint8_t> bytes);
    std::size_t send(std::string_view text);
    std::size_t sendBufferFree() const;
    // Bytes queued and not yet acknowledged by the peer.
    std::size_t sendBufferUsed() const { return sendBuffer_.size(); }

    // Half-close: a FIN follows the queued data; receiving goes on.
    void shutdown();
    // Like shutdown(), and bytes that still arrive are acknowledged and dropped.
    void close();
    // Sends RST (when synchronized) and goes straight to CLOSED.
    void abort();

    void pauseReading();
    void resumeReading();
    bool readingPaused() const { return readingPaused_; }
    // Received bytes waiting for the application.
    std::size_t unreadBytes() const { return unread_.size(); }
    // The window this side advertises now.
    std::uint16_t receiveWindow() const;

    const TcpConnectionStats& stats() const { return stats_; }
    const RttEstimator& rttEstimator() const { return rtt_; }
    // Null before the connection is established.
    const CongestionControl* congestionControl() const { return congestion_.get(); }
    std::uint16_t effectiveMss() const { return effectiveMss_; }

private:
    friend class TcpStack;

    struct Segment {
        const TcpHeader& header;
        std::span<const std::uint8_t> payload;
        SequenceNumber seq() const { return header.sequence; }
        // SEG.LEN: payload plus one for each of SYN and FIN.
        std::uint32_t length() const;
        bool has(std::uint8_t flag) const { return header.has(flag); }
    };

    // Entry points used by TcpStack.
    void openActive(SequenceNumber iss);
    void openPassive(SequenceNumber iss, const TcpHeader& syn);
    void segmentArrives(const Packet& packet);

    // One handler per state (RFC 9293 section 3.10.7).
    void onSegmentInSynSent(const Segment& segment);
    void onSegmentInSynReceived(const Segment& segment);
    void onSegmentInEstablished(const Segment& segment);
    void onSegmentInFinWait1(const Segment& segment);
    void onSegmentInFinWait2(const Segment& segment);
    void onSegmentInCloseWait(const Segment& segment);
    void onSegmentInClosing(const Segment& segment);
    void onSegmentInLastAck(const Segment& segment);
    void onSegmentInTimeWait(const Segment& segment);

    // The steps shared by the synchronized states (section 3.10.7.4).
    bool checkSequence(const Segment& segment);
    bool checkResetAndSyn(const Segment& segment);
    bool processAck(const Segment& segment);
    bool processText(const Segment& segment);  // returns whether an in-order FIN was consumed
    bool ourFinAcked() const;

    // Sending.
    void output(bool force = false);
    void sendSegment(SequenceNumber seq, std::uint32_t length, std::uint8_t flags);
    void sendSyn(std::string_view retransmitReason);
    void sendAck();
    // An ACK answering a segment we could not use (out of window, acking
    // unsent data, a challenge): rate-limited for pure ACKs, as in RFC 5961
    // section 7, so two desynchronised ends cannot ACK each other forever.
    void sendOutOfWindowAck(const Segment& segment);
    static constexpr Time outOfWindowAckInterval = Time::fromMilliseconds(500);
    void sendReset(SequenceNumber seq);
    void retransmitFirstSegment(std::string_view reason);
    SequenceNumber dataEnd() const;
    std::uint32_t flightSize() const { return sndMax_ - sndUna_; }

    // Receiving.
    void acceptInOrder(std::span<const std::uint8_t> bytes);
    void deliverUnread();
    void scheduleDelivery();
    void consumeFin();
    void notifyPeerClosed();
    void maybeSendWindowUpdate();
    std::uint32_t freeReceiveSpace() const;

    // Timers. The retransmission timer is one event plus a deadline: ACKs
    // move the deadline, and the event reschedules itself when it fires early.
    void armRetransmissionTimer();
    void stopRetransmissionTimer();
    void onRetransmissionTimerEvent();
    void onRetransmissionTimeout();
    void armPersistTimer();
    void onPersistTimeout();
    void scheduleDelayedAck();

    void establish();
    void setState(TcpState to);
    void traceRetransmit(SequenceNumber seq, std::uint32_t length, std::string_view reason);
    void count(std::uint64_t TcpConnectionStats::*counter, std::uint64_t amount = 1);
    void onReset();
    void onTextAndFin(const Segment& segment);
    void enterTimeWait();
    void enterClosed(std::optional<TcpError> error = std::nullopt);

    TcpStack* stack_;
    Simulator& simulator_;
    const TcpConfig& config_;
    Endpoint local_;
    Endpoint remote_;
    TcpCallbacks callbacks_;
    TcpState state_ = TcpState::Closed;
    bool passive_ = false;
    bool shutdownRequested_ = false;  // shutdown() before ESTABLISHED
    bool discardIncoming_ = false;    // close() was called
    TcpConnectionStats stats_;

    // Send sequence space (RFC 9293 section 3.3.1). sndMax_ is the highest
    // sequence number sent; after a timeout SND.NXT goes back to SND.UNA.
    SequenceNumber iss_ = 0;
    SequenceNumber sndUna_ = 0;
    SequenceNumber sndNxt_ = 0;
    SequenceNumber sndMax_ = 0;
    SequenceNumber sndWl1_ = 0;
    SequenceNumber sndWl2_ = 0;
    std::uint32_t sndWnd_ = 0;
    ByteQueue sendBuffer_;            // bytes from bufferSeq_ on
    SequenceNumber bufferSeq_ = 0;    // sequence number of sendBuffer_'s first byte
    bool finQueued_ = false;
    SequenceNumber finSeq_ = 0;
    bool sendSpaceWanted_ = false;
    bool windowProbeOutstanding_ = false;  // a persist probe sent one byte past SND.MAX
    bool recoverValid_ = false;
    std::uint16_t peerMss_ = 536;
    std::uint16_t effectiveMss_ = 536;
    std::unique_ptr<CongestionControl> congestion_;
    int duplicateAcks_ = 0;
    SequenceNumber recover_ = 0;  // SND.MAX at the last timeout (RFC 6582)
    std::string_view retransmitReason_ = "timeout";

    // Receive sequence space.
    SequenceNumber irs_ = 0;
    SequenceNumber rcvNxt_ = 0;
    std::uint64_t rcvOffset_ = 0;  // in-order bytes received (the unwrapped RCV.NXT)
    ByteQueue unread_;
    ReassemblyQueue reassembly_;
    std::optional<std::uint64_t> pendingFinOffset_;  // a FIN that arrived out of order
    bool peerFinReceived_ = false;
    bool peerClosedPending_ = false;  // FIN consumed, onPeerClosed waits for unread bytes
    bool readingPaused_ = false;
    std::uint32_t lastAdvertisedWindow_ = 0;
    int segmentsSinceAck_ = 0;
    bool ackNow_ = false;  // set while a segment is processed: ACK before returning
    bool delivering_ = false;
    Time lastOutOfWindowAck_ = Time::fromNanoseconds(-1'000'000'000'000);

    // RTT measurement (one timed segment at a time) and timers.
    RttEstimator rtt_;
    bool timing_ = false;
    SequenceNumber timedSeq_ = 0;
    Time timedAt_;
    int retries_ = 0;
    EventId retransmitEvent_;
    Time retransmitEventAt_;
    Time retransmitDeadline_ = Time::max();
    EventId persistEvent_;
    Time persistInterval_;
    EventId delayedAckEvent_;
    bool ackPending_ = false;
    EventId timeWaitEvent_;
    EventId deliveryEvent_;
};

}  // namespace netstage::tcp
