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

std::vector<HostRow> describeHost(const Playback& playback, const std::string& host);

}  // namespace netstage::gui
