// Dialogues, from the one transcript (trace::buildTranscript): a subsequence
// of C:/S: lines, or the reply a command got.
#include <cctype>

#include "simulator/expect/evaluators.hpp"

namespace netstage::expect::detail {

namespace {

bool selected(const trace::TranscriptBlock& block, const DialogueFilter& filter) {
    if (!block.note.empty() || !equalsIgnoringCase(block.protocol, filter.protocol)) return false;
    if (filter.client && block.client != *filter.client) return false;
    if (filter.server && block.server != *filter.server) return false;
    return true;
}

std::string upper(std::string_view text) {
    std::string out{text};
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The command's verb: its first word ("RCPT TO:<bob@...>" -> RCPT).
std::string verbOf(std::string_view line) { return upper(line.substr(0, line.find(' '))); }

// A reply's code and whether it is the last line of the reply ("250-..." is not).
std::optional<std::pair<int, bool>> replyCode(std::string_view line) {
    if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[0])) || !std::isdigit(static_cast<unsigned char>(line[1])) ||
        !std::isdigit(static_cast<unsigned char>(line[2]))) {
        return std::nullopt;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    return std::pair{code, !(line.size() > 3 && line[3] == '-')};
}

}  // namespace

ExpectationResult evaluateDialogueLines(const DialogueLines& what, const TimeBounds& time, RunView& run) {
    const trace::Transcript& transcript = run.transcript();
    std::size_t bestMatched = 0;
    const trace::TranscriptBlock* bestBlock = nullptr;
    std::optional<Moment> bestLast;
    std::size_t blocks = 0;
    for (const auto& block : transcript.blocks) {
        if (!selected(block, what.dialogue)) continue;
        ++blocks;
        std::size_t next = 0;
        std::optional<Moment> last;
        for (const std::size_t index : block.messages) {
            if (next == what.lines.size()) break;
            const trace::TranscriptMessage& m = transcript.messages[index];
            if (!time.admits(m.time)) continue;
            const LinePattern& want = what.lines[next];
            if (m.from != want.from || !want.text.test(m.text)) continue;
            ++next;
            last = Moment{m.time, m.recordIndex};
        }
        if (next == what.lines.size()) {
            ExpectationResult result;
            result.passed = true;
            result.actual = "found in " + block.header().substr(2) + ", the last line at " + formatTime(last->time);
            result.time = last->time;
            result.record = last->record;
            return result;
        }
        if (bestBlock == nullptr || next > bestMatched) {
            bestMatched = next;
            bestBlock = &block;
            bestLast = last;
        }
    }
    ExpectationResult result;
    if (blocks == 0) {
        result.actual = "the run has no such dialogue";
        return result;
    }
    result.actual = "the closest, " + bestBlock->header().substr(2) + ", has " + std::to_string(bestMatched) + " of the " +
                    std::to_string(what.lines.size()) + " lines; missing '" + what.lines[bestMatched].describe() + "'";
    if (bestLast) {
        result.actual += " after " + formatTime(bestLast->time);
        result.time = bestLast->time;
        result.record = bestLast->record;
    }
    return result;
}

ExpectationResult evaluateDialogueReply(const DialogueReply& what, const TimeBounds& time, RunView& run) {
    const trace::Transcript& transcript = run.transcript();
    std::vector<Moment> candidates;
    std::vector<std::pair<int, Moment>> otherReplies;
    std::size_t commands = 0;
    for (const auto& block : transcript.blocks) {
        if (!selected(block, what.dialogue)) continue;
        bool waiting = false;
        bool inMessage = false;  // SMTP after 354: the client's lines are the message, not commands
        for (const std::size_t index : block.messages) {
            const trace::TranscriptMessage& m = transcript.messages[index];
            if (m.from == 'C') {
                if (inMessage) {
                    if (m.text == ".") inMessage = false;
                    continue;
                }
                waiting = verbOf(m.text) == what.command;
                if (waiting) ++commands;
                continue;
            }
            const auto reply = replyCode(m.text);
            if (!reply) continue;
            if (reply->first == 354) inMessage = true;
            if (!waiting) continue;
            if (reply->first == what.code) candidates.push_back({m.time, m.recordIndex});
            else if (reply->second) otherReplies.emplace_back(reply->first, Moment{m.time, m.recordIndex});
            if (reply->second && reply->first >= 200) waiting = false;
        }
    }
    std::string none = commands == 0 ? "no " + what.command + " command was sent" : what.command + " was answered ";
    if (commands != 0) {
        for (std::size_t i = 0; i < otherReplies.size() && i < 3; ++i) {
            none += (i ? ", " : "") + std::to_string(otherReplies[i].first) + " at " + formatTime(otherReplies[i].second.time);
        }
        if (otherReplies.empty()) none += "never";
    }
    ExpectationResult result = firstWithin(candidates, time, what.command + " was answered " + std::to_string(what.code), none);
    if (!result.passed && !result.record && !otherReplies.empty()) {
        result.time = otherReplies.front().second.time;
        result.record = otherReplies.front().second.record;
    }
    return result;
}

}  // namespace netstage::expect::detail
