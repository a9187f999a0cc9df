#include "simulator/trace/msc_model.hpp"

// The chart is built in msc_chart_builder.cpp; its lanes in msc_connections.cpp.

namespace netstage::trace {

std::string toString(MscConnectionRole role) {
    switch (role) {
        case MscConnectionRole::Session: return "session";
        case MscConnectionRole::Control: return "control";
        case MscConnectionRole::Data: return "data";
    }
    return "session";
}

}  // namespace netstage::trace
