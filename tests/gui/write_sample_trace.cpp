// Writes the hand-built SMTP sample trace to a JSON Lines file.
#include <fstream>
#include <iostream>

#include "simulator/trace/json_lines_writer.hpp"
#include "tests/gui/sample_trace.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: netstage_gui_sample_trace OUT.jsonl\n";
        return 2;
    }
    std::ofstream out{argv[1], std::ios::binary};
    netstage::trace::JsonLinesWriter writer{out};
    netstage::trace::replay(netstage::gui::testing::smtpSampleTrace(), writer);
    return out ? 0 : 1;
}
