#pragma once
// One evaluator per family of expectations; evaluate.cpp picks the one for
// each kind. Internal to the expect library.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/expect/expectation.hpp"
#include "simulator/expect/expectation_result.hpp"
#include "simulator/expect/run_view.hpp"

namespace netstage::expect::detail {

ExpectationResult evaluateMailboxCount(const MailboxCount& what, RunView& run);
ExpectationResult evaluateMailboxMessage(const MailboxMessage& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateMailOutcome(const MailOutcome& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateDialogueLines(const DialogueLines& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateDialogueReply(const DialogueReply& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateFtpFile(const FtpFile& what, RunView& run);
ExpectationResult evaluateFtpTransferMode(const FtpTransferMode& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateTcpConnection(const TcpConnection& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateTcpRetransmissions(const TcpRetransmissions& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateSegmentLost(const SegmentLost& what, const TimeBounds& time, RunView& run);
ExpectationResult evaluateChartSequence(const ChartSequence& what, const TimeBounds& time, RunView& run);

// A moment of the run: where an expectation was decided.
struct Moment {
    Time time;
    std::size_t record = 0;
};

// The common verdict of "some event of this kind, within the time bounds":
// passes at the first candidate the bounds admit; otherwise fails naming the
// first candidate outside them, or that there was none (`none`).
ExpectationResult firstWithin(const std::vector<Moment>& candidates, const TimeBounds& time, const std::string& what,
                              const std::string& none);

// Calls `visit(event, recordIndex)` for every text event of the log.
void forEachEvent(const trace::TraceLog& log, const std::function<void(const trace::Event&, std::size_t)>& visit);

bool equalsIgnoringCase(std::string_view a, std::string_view b);
std::string plural(std::uint64_t n, std::string_view word);  // "1 message", "2 messages"

}  // namespace netstage::expect::detail
