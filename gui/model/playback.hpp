#pragma once
// A cursor over a complete trace. The cursor is a position (how many records
// have happened) and a time; everything a view shows is a function of it:
// the world state folded from the records before the position, the packets
// on the wire at the time, the current application line and caption.
// Stepping back, replaying a file and playing are all just moving the cursor.

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "gui/model/packet_hop.hpp"
#include "gui/model/topology.hpp"
#include "gui/model/transcript.hpp"
#include "gui/model/world_state.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

class Playback {
public:
    explicit Playback(trace::TraceLog log);
    ~Playback();

    // A live run grows: `records` happened after the ones held, and the
    // present is now `end`. Views are told through PlayerController, which
    // calls this. Returns whether the network itself changed (a node or link
    // announced late), which a view must draw anew.
    struct Growth {
        std::size_t firstRecord = 0;  // index of the first new record
        bool topologyChanged = false;
        bool transcriptChanged = false;
    };
    Growth append(std::vector<trace::Record> records, Time end);

    const trace::TraceLog& log() const { return log_; }
    const Topology& topology() const { return topology_; }
    const Transcript& transcript() const { return transcript_; }
    const std::vector<AppMessage>& messages() const { return transcript_.messages; }
    const std::vector<PacketHop>& hops() const { return motion_.motion().hops; }
    const std::vector<DropMark>& drops() const { return motion_.motion().drops; }
    Time longestHop() const { return motion_.motion().longestHop; }

    // The cursor.
    Time time() const { return time_; }
    std::size_t position() const { return position_; }  // records [0, position) have happened
    Time endTime() const { return log_.end; }
    bool atEnd() const { return position_ == log_.records.size() && time_ >= log_.end; }

    // Every record at or before t has happened.
    void seekTime(Time t);
    // Exactly the first `position` records have happened; time is the last one's.
    void seekPosition(std::size_t position);
    void seekMessage(std::size_t message);
    void home();
    void end();

    // Each returns false (and stays put) when there is nowhere to go.
    bool nextMessage();
    bool previousMessage();
    bool nextPacket();
    bool previousPacket();

    // The last application line that has happened, if any.
    std::optional<std::size_t> currentMessage() const;
    const WorldState& state() const { return state_; }
    const std::string& caption() const { return state_.caption(); }

    // Hops on the wire at the cursor time, in start order.
    std::vector<const PacketHop*> hopsInFlight() const;
    std::vector<const DropMark*> dropsShown() const;
    // When the next record happens, if any is left after the cursor time.
    std::optional<Time> nextRecordTime() const;

private:
    void applyUpTo(std::size_t position);
    std::optional<std::size_t> currentHop() const;

    trace::TraceLog log_;
    Topology topology_;
    Transcript transcript_;
    PacketMotionBuilder motion_;
    // Made on the first append(): the transcript fed record by record.
    std::unique_ptr<trace::TranscriptBuilder> transcriptBuilder_;

    std::size_t position_ = 0;
    Time time_;
    WorldState state_;
};

}  // namespace netstage::gui
