#pragma once
// The host panel's content as plain rows: what a host has at the cursor
// (addresses, mailboxes, mail queue, TCP connections with their states).

#include <string>
#include <vector>

#include "gui/model/playback.hpp"

namespace netstage::gui {

struct HostRow {
    enum class Kind { Title, Section, Item, Detail, Empty };
    Kind kind = Kind::Item;
    std::string text;
    std::string value;  // right-hand column: a count or a TCP state

    friend bool operator==(const HostRow&, const HostRow&) = default;
};

// A panel of a few hundred rows is read; one of ten thousand is not, and
// costs the view a measurement of every row at every step. So each list is
// cut after these many entries, with a last row saying how many more there are.
struct HostRowLimits {
    std::size_t mailboxes = 30;
    std::size_t messagesPerBox = 20;
    std::size_t files = 60;
    std::size_t connections = 60;
};

std::vector<HostRow> describeHost(const Playback& playback, const std::string& host, const HostRowLimits& limits = {});

}  // namespace netstage::gui
