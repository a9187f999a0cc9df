#pragma once
// The lecture's sample SMTP dialogue (Kurose & Ross, section 2.4), as the
// transcript prints it. Several tests hold the simulator to it line by line.

#include <string>
#include <vector>

namespace netstage::test_support {

inline const std::vector<std::string>& lectureSmtpDialogue() {
    static const std::vector<std::string> lines{
        "S: 220 hamburger.edu",
        "C: HELO crepes.fr",
        "S: 250 Hello crepes.fr, pleased to meet you",
        "C: MAIL FROM: <alice@crepes.fr>",
        "S: 250 alice@crepes.fr... Sender ok",
        "C: RCPT TO: <bob@hamburger.edu>",
        "S: 250 bob@hamburger.edu ... Recipient ok",
        "C: DATA",
        "S: 354 Enter mail, end with \".\" on a line by itself",
        "C: Do you like ketchup?",
        "C: How about pickles?",
        "C: .",
        "S: 250 Message accepted for delivery",
        "C: QUIT",
        "S: 221 hamburger.edu closing connection",
    };
    return lines;
}

// The message body Alice sends in the lecture, as SMTP carries it before the final ".".
inline constexpr const char* lectureBody = "Do you like ketchup?\r\nHow about pickles?\r\n";

}  // namespace netstage::test_support
