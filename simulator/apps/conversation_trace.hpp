#pragma once
// Records one application conversation (an SMTP session, a POP3 session, an
// FTP control or data connection) in the trace: an "open" event, one "line"
// event per C:/S: line, a "close" event. The transcript printer, the GUI and
// the sequence chart read these (docs/trace-events.md).

#include <string>

#include "simulator/core/simulator.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::apps {

class ConversationTrace {
public:
    ConversationTrace(Simulator& simulator, trace::Tracer& tracer, std::string node, std::string protocol,
                      std::string connection, std::string client, std::string server, std::string role = "session");

    // Before open(): what the connection is to its protocol ("control" for FTP).
    void setRole(std::string role) { role_ = std::move(role); }
    void open();
    void clientLine(const std::string& text) { line("C", text); }
    void serverLine(const std::string& text) { line("S", text); }
    void close();
    const std::string& connection() const { return connection_; }

private:
    void line(const char* from, const std::string& text);
    void emit(std::string type, trace::Fields fields);

    Simulator& simulator_;
    trace::Tracer& tracer_;
    std::string node_;
    std::string protocol_;
    std::string connection_;
    std::string client_;
    std::string server_;
    std::string role_;
    bool open_ = false;
};

}  // namespace netstage::apps
