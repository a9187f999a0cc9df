#include "simulator/expect/run_view.hpp"

#include <cstdio>

namespace netstage::expect {

const trace::Transcript& RunView::transcript() {
    if (!transcript_) transcript_ = trace::buildTranscript(log_);
    return *transcript_;
}

const trace::MscChart& RunView::chart(bool tcpSegments) {
    auto& chart = charts_[tcpSegments ? 1 : 0];
    if (!chart) {
        trace::MscOptions options;
        options.tcpSegments = tcpSegments;
        chart = trace::buildMsc(log_, options);
    }
    return *chart;
}

void RunView::readTopology() {
    if (topologyRead_) return;
    topologyRead_ = true;
    for (const auto& record : log_.records) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || !event->is("topology", "node")) continue;
        const std::string name = event->text("name");
        const std::string list = event->text("addresses");
        std::size_t start = 0;
        while (start < list.size()) {
            std::size_t comma = list.find(',', start);
            if (comma == std::string::npos) comma = list.size();
            if (const auto address = Ipv4Address::parse(list.substr(start, comma - start))) {
                hosts_.emplace(*address, name);
                addresses_[name].push_back(*address);
            }
            start = comma + 1;
        }
    }
}

std::string RunView::hostOf(Ipv4Address address) {
    readTopology();
    const auto it = hosts_.find(address);
    return it == hosts_.end() ? std::string{} : it->second;
}

const std::vector<Ipv4Address>& RunView::addressesOf(const std::string& host) {
    readTopology();
    static const std::vector<Ipv4Address> none;
    const auto it = addresses_.find(host);
    return it == addresses_.end() ? none : it->second;
}

std::string formatTime(Time time) {
    const std::int64_t ms = time.nanoseconds() / 1'000'000;
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%03lld s", static_cast<long long>(ms / 1000), static_cast<long long>(ms % 1000));
    return text;
}

}  // namespace netstage::expect
