// FTP: a user's file at the end of the run (the world's final state), and the
// mode of completed transfers (the control dialogue's PASV/EPSV or PORT/EPRT
// before the transfer, from the transcript).
#include "simulator/expect/evaluators.hpp"
#include "simulator/expect/sha256.hpp"

namespace netstage::expect::detail {

namespace {

bool sameFile(const std::string& traced, const std::string& wanted) {
    if (traced == wanted) return true;
    if (wanted.find('/') != std::string::npos) return false;
    const std::size_t slash = traced.rfind('/');
    return slash != std::string::npos && traced.substr(slash + 1) == wanted;
}

}  // namespace

ExpectationResult evaluateFtpFile(const FtpFile& what, RunView& run) {
    // The last event that made or changed the file: where a viewer jumps to.
    std::optional<Moment> last;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (e.layer != "ftp" || e.node != what.server) return;
        if ((e.type == "file" && e.text("user") == what.user && e.text("path") == what.path) ||
            (e.type == "file-changed" && (e.text("path") == what.path || e.text("new_path") == what.path))) {
            last = Moment{e.time, i};
        }
    });
    ExpectationResult result;
    if (last) {
        result.time = last->time;
        result.record = last->record;
    }
    if (run.world() == nullptr) {
        result.actual = "the server's files are not known without running the scenario";
        return result;
    }
    const auto contents = run.world()->ftpFile(what.server, what.user, what.path);
    if (!contents) {
        result.passed = !what.exists;
        result.actual = "there is no such file at the end";
        return result;
    }
    if (!what.exists) {
        result.actual = "it exists (" + plural(contents->size(), "octet") + ")";
        return result;
    }
    result.passed = true;
    result.actual = "it holds " + plural(contents->size(), "octet");
    if (what.size && *what.size != contents->size()) result.passed = false;
    if (what.sha256) {
        const std::string digest = sha256Hex(*contents);
        if (digest != *what.sha256) {
            result.passed = false;
            result.actual += ", SHA-256 " + digest;
        }
    }
    return result;
}

ExpectationResult evaluateFtpTransferMode(const FtpTransferMode& what, const TimeBounds& time, RunView& run) {
    const trace::Transcript& transcript = run.transcript();
    std::vector<Moment> candidates;
    std::vector<Moment> otherMode;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (!e.is("ftp", "transfer-end")) return;
        if (what.server && e.node != *what.server) return;
        if (what.file && !sameFile(e.text("file"), *what.file)) return;
        const std::string control = e.text("connection");
        std::optional<bool> passive;
        for (const auto& block : transcript.blocks) {
            if (block.connection != control || block.protocol != "FTP" || block.role != "control") continue;
            if (what.client && block.client != *what.client) return;
            for (const std::size_t index : block.messages) {
                const trace::TranscriptMessage& m = transcript.messages[index];
                if (m.recordIndex > i) break;
                if (m.from != 'C') continue;
                const std::string_view verb = std::string_view{m.text}.substr(0, 4);
                if (equalsIgnoringCase(verb, "PASV") || equalsIgnoringCase(verb, "EPSV")) passive = true;
                if (equalsIgnoringCase(verb, "PORT") || equalsIgnoringCase(verb, "EPRT")) passive = false;
            }
        }
        if (!passive) return;
        (*passive == what.passive ? candidates : otherMode).push_back({e.time, i});
    });
    const std::string mode = what.passive ? "passive" : "active";
    const std::string other = what.passive ? "active" : "passive";
    std::string none = "no such transfer completed";
    if (!otherMode.empty()) none = plural(otherMode.size(), "such transfer") + " completed, in " + other + " mode";
    ExpectationResult result = firstWithin(candidates, time, "a transfer completed in " + mode + " mode", none);
    if (!result.passed && !result.record && !otherMode.empty()) {
        result.time = otherMode.front().time;
        result.record = otherMode.front().record;
    }
    return result;
}

}  // namespace netstage::expect::detail
