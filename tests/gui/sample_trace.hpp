#pragma once
// A small, hand-built trace of the lecture's SMTP exchange: crepes.fr (Alice's
// mail server) looks up hamburger.edu's MX with DNS, connects through a
// router, and sends the ketchup message to Bob's mailbox. The message body
// segment is lost once on the second link and retransmitted. Built record by
// record, so the GUI's tests do not depend on the simulator.

#include "simulator/trace/record.hpp"

namespace netstage::gui::testing {

// Node ids: 0 crepes.fr, 1 router, 2 hamburger.edu, 3 dns.
// Links: 0 crepes.fr-router, 1 router-hamburger.edu, 2 router-dns.
trace::TraceLog smtpSampleTrace();

// Number of application lines in smtpSampleTrace().
inline constexpr std::size_t smtpSampleMessages = 15;

}  // namespace netstage::gui::testing
