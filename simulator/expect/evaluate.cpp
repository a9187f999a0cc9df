#include "simulator/expect/evaluate.hpp"

#include <cctype>

#include "simulator/expect/evaluators.hpp"
#include "simulator/expect/run_view.hpp"

namespace netstage::expect {

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

}  // namespace

ExpectationResult evaluate(const Expectation& e, RunView& run) {
    using namespace detail;
    const TimeBounds& t = e.time;
    ExpectationResult result = std::visit(
        Overloaded{
            [&](const MailboxCount& w) { return evaluateMailboxCount(w, run); },
            [&](const MailboxMessage& w) { return evaluateMailboxMessage(w, t, run); },
            [&](const MailOutcome& w) { return evaluateMailOutcome(w, t, run); },
            [&](const DialogueLines& w) { return evaluateDialogueLines(w, t, run); },
            [&](const DialogueReply& w) { return evaluateDialogueReply(w, t, run); },
            [&](const FtpFile& w) { return evaluateFtpFile(w, run); },
            [&](const FtpTransferMode& w) { return evaluateFtpTransferMode(w, t, run); },
            [&](const TcpConnection& w) { return evaluateTcpConnection(w, t, run); },
            [&](const TcpRetransmissions& w) { return evaluateTcpRetransmissions(w, t, run); },
            [&](const SegmentLost& w) { return evaluateSegmentLost(w, t, run); },
            [&](const ChartSequence& w) { return evaluateChartSequence(w, t, run); },
        },
        e.what);
    result.expected = e.describe();
    return result;
}

std::vector<ExpectationResult> evaluate(const std::vector<Expectation>& expectations, const trace::TraceLog& log,
                                        const WorldState* world) {
    RunView run{log, world};
    std::vector<ExpectationResult> out;
    out.reserve(expectations.size());
    for (const auto& e : expectations) out.push_back(evaluate(e, run));
    return out;
}

std::string ExpectationResult::reason() const {
    if (passed) return actual;
    return "expected " + expected + "; " + actual;
}

namespace detail {

ExpectationResult firstWithin(const std::vector<Moment>& candidates, const TimeBounds& time, const std::string& what,
                              const std::string& none) {
    ExpectationResult result;
    for (const Moment& m : candidates) {
        if (!time.admits(m.time)) continue;
        result.passed = true;
        result.actual = what + " at " + formatTime(m.time);
        result.time = m.time;
        result.record = m.record;
        return result;
    }
    if (candidates.empty()) {
        result.actual = none;
        return result;
    }
    const Moment& m = candidates.front();
    result.actual = what + " only at " + formatTime(m.time) + (candidates.size() > 1 ? " (first of " + std::to_string(candidates.size()) + ")" : "") +
                    ", not" + time.describe();
    result.time = m.time;
    result.record = m.record;
    return result;
}

void forEachEvent(const trace::TraceLog& log, const std::function<void(const trace::Event&, std::size_t)>& visit) {
    for (std::size_t i = 0; i < log.records.size(); ++i) {
        if (const auto* event = std::get_if<trace::Event>(&log.records[i])) visit(*event, i);
    }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

std::string plural(std::uint64_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string{word} + (n == 1 ? "" : "s");
}

}  // namespace detail

}  // namespace netstage::expect
