#pragma once
// What `netstage serve` prints while it runs: each application dialogue line
// as it happens, who talks to whom, and what becomes of the mail, so the
// student at the real client can watch the other side of the conversation.

#include <map>
#include <ostream>
#include <string>

#include "simulator/trace/trace_sink.hpp"

namespace netstage::cli {

class LiveLog : public trace::TraceSink {
public:
    explicit LiveLog(std::ostream& out) : out_{out} {}

    void onPacket(const trace::PacketEvent&) override {}
    void onEvent(const trace::Event& event) override;

private:
    void print(Time at, const std::string& text);

    std::ostream& out_;
    std::map<std::string, std::string> conversations_;  // connection -> "SMTP you → hamburger.edu"
};

// At most `limit` characters of a line, with how many more there were.
std::string shortened(const std::string& text, std::size_t limit = 160);

}  // namespace netstage::cli
