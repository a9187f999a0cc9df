#include "simulator/apps/conversation_trace.hpp"

namespace netstage::apps {

ConversationTrace::ConversationTrace(Simulator& simulator, trace::Tracer& tracer, std::string node, std::string protocol,
                                     std::string connection, std::string client, std::string server, std::string role)
    : simulator_{simulator},
      tracer_{tracer},
      node_{std::move(node)},
      protocol_{std::move(protocol)},
      connection_{std::move(connection)},
      client_{std::move(client)},
      server_{std::move(server)},
      role_{std::move(role)} {}

void ConversationTrace::open() {
    if (open_) return;
    open_ = true;
    emit("open", {{"connection", connection_}, {"client", client_}, {"server", server_}, {"role", role_}});
}

void ConversationTrace::line(const char* from, const std::string& text) {
    emit("line", {{"connection", connection_}, {"from", std::string{from}}, {"text", text}});
}

void ConversationTrace::close() {
    if (!open_) return;
    open_ = false;
    emit("close", {{"connection", connection_}});
}

void ConversationTrace::emit(std::string type, trace::Fields fields) {
    if (!tracer_.wantsEvents()) return;
    tracer_.event(trace::Event{simulator_.now(), node_, protocol_, std::move(type), std::move(fields)});
}

}  // namespace netstage::apps
