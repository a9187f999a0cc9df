#include <gtest/gtest.h>

#include "protocols/webmail/form_data.hpp"
#include "protocols/webmail/page_links.hpp"

using namespace netstage::webmail;

TEST(WebmailFormData, escapesEveryCharacterThatCouldStartMarkup) {
    EXPECT_EQ(escapeHtml("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(WebmailFormData, decodesAndEncodesFormFields) {
    const FormFields fields = parseForm("user=bob&password=s%20cret+x&empty=&flag&bad=%zz%4");
    ASSERT_EQ(fields.size(), 5u);
    EXPECT_EQ(formValue(fields, "password"), "s cret x");
    EXPECT_EQ(formValue(fields, "empty"), "");
    EXPECT_EQ(formValue(fields, "flag"), "");
    EXPECT_EQ(formValue(fields, "bad"), "%zz%4");
    EXPECT_FALSE(formValue(fields, "missing"));
    EXPECT_EQ(encodeForm({{"to", "bob@hamburger.edu"}, {"body", "Hi & bye\r\n"}}), "to=bob%40hamburger.edu&body=Hi+%26+bye%0D%0A");
    EXPECT_EQ(formValue(parseForm(encodeForm({{"body", "a=b&c%d+e"}})), "body"), "a=b&c%d+e");
}

TEST(WebmailFormData, findsACookieAmongOthers) {
    EXPECT_EQ(cookieValue("theme=dark; session=abc123 ; x=y", "session"), "abc123");
    EXPECT_FALSE(cookieValue("sessionx=1; xsession=2", "session"));
    EXPECT_FALSE(cookieValue("", "session"));
    const auto set = parseSetCookie("session=abc; Path=/; HttpOnly");
    ASSERT_TRUE(set);
    EXPECT_EQ(set->name, "session");
    EXPECT_EQ(set->value, "abc");
    EXPECT_FALSE(parseSetCookie("=abc"));
}

TEST(WebmailFormData, aBrowserFetchesStylesheetsAndImagesOfTheSameSiteOnce) {
    const std::string html =
        "<html><head><link rel=\"stylesheet\" href=\"/style.css\"><link rel=\"icon\" href=\"/favicon.ico\"></head>"
        "<body><img src=\"/logo.png\" alt=\"\"><img src=\"/logo.png\"><img src=\"http://elsewhere/x.png\"></body></html>";
    EXPECT_EQ(referencedObjects(html), (std::vector<std::string>{"/style.css", "/logo.png"}));
    EXPECT_TRUE(referencedObjects("<p>&lt;img src=\"/x.png\"&gt;</p>").empty());
}
