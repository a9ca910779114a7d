#include "FeedFactory.h"

namespace earshot::test {

std::string rssFeed(int count, const std::string& prefix, const std::string& topic)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                      "<title>Test feed</title><link>https://forum.example/</link>"
                      "<description>for tests</description>\n";
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        xml += "<item><title>" + prefix + " item " + n + " about " + topic + "</title>"
               "<link>https://forum.example/t/" + prefix + "/" + n + "</link>"
               "<guid isPermaLink=\"false\">" + prefix + "-" + n + "</guid>"
               "<author>user" + n + "@forum.example (User " + n + ")</author>"
               "<pubDate>Sun, 22 Nov 2026 10:" + (i < 10 ? "0" : "") + std::to_string(i % 60) + ":00 GMT</pubDate>"
               "<description>&lt;p&gt;Question " + n + " about &lt;b&gt;" + topic + "&lt;/b&gt;&lt;/p&gt;</description>"
               "</item>\n";
    }
    return xml + "</channel></rss>\n";
}

std::string atomFeed(int count, const std::string& prefix, const std::string& topic)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                      "<title>Test Atom</title><id>urn:test</id><updated>2026-11-22T10:00:00Z</updated>"
                      "<link href=\"https://blog.example/\"/>\n";
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        xml += "<entry><id>urn:" + prefix + ":" + n + "</id><title>" + prefix + " " + n + " on " + topic +
               "</title><link href=\"/posts/" + n + "\"/><updated>2026-11-22T10:00:00Z</updated>"
               "<author><name>Writer " + n + "</name></author>"
               "<content type=\"html\">&lt;p&gt;Post " + n + " about " + topic + "&lt;/p&gt;</content></entry>\n";
    }
    return xml + "</feed>\n";
}

}  // namespace earshot::test
