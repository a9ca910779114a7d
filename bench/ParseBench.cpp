// Parse throughput on a corpus shaped like the feeds Earshot polls: RSS 2.0 and Atom 1.0,
// 50 items each, about 45 KB per feed, descriptions as entity-escaped HTML with links.
// Reports bytes/second for parseFeed alone (the bytes are in memory beforehand).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "earshot/feeds/FeedParser.h"

namespace {

const char* const kWords[] = {"acme", "launch", "review", "customer", "support", "release", "pricing",
                              "feature", "bug", "update", "team", "market", "product", "service",
                              "performance", "security", "mobile", "cloud", "report", "people"};

std::string sentence(std::mt19937& rng, int words)
{
    std::string out;
    for (int i = 0; i < words; ++i) {
        if (i)
            out += ' ';
        out += kWords[rng() % std::size(kWords)];
    }
    return out;
}

// Escaped HTML as it sits inside <description>: &lt;p&gt;… with a link and entities.
std::string escapedHtml(std::mt19937& rng)
{
    std::string html;
    for (int p = 0; p < 2; ++p) {
        html += "&lt;p&gt;" + sentence(rng, 16) + " &lt;a href=&quot;https://example.com/post/" +
                std::to_string(rng() % 100000) + "&quot;&gt;" + sentence(rng, 3) + "&lt;/a&gt; &amp;amp; " +
                sentence(rng, 12) + "&amp;hellip;&lt;/p&gt;\n";
    }
    return html;
}

std::string rssFeed(std::mt19937& rng)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
                      "<title>Example News</title><link>https://example.com/</link>\n"
                      "<description>All the news</description><language>en</language>\n";
    for (int i = 0; i < 50; ++i) {
        xml += "<item>\n<title>" + sentence(rng, 8) + "</title>\n<link>https://example.com/post/" +
               std::to_string(i) + "</link>\n<guid isPermaLink=\"false\">example-" + std::to_string(i) +
               "</guid>\n<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>\n<dc:creator>Jane Doe</dc:creator>\n"
               "<category>news</category>\n<description>" +
               escapedHtml(rng) + "</description>\n</item>\n";
    }
    return xml + "</channel>\n</rss>\n";
}

std::string atomFeed(std::mt19937& rng)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>Example Atom</title>\n"
                      "<link href=\"https://example.org/\"/><updated>2003-12-13T18:30:02Z</updated>\n"
                      "<id>urn:uuid:60a76c80</id>\n";
    for (int i = 0; i < 50; ++i) {
        xml += "<entry>\n<title>" + sentence(rng, 8) + "</title>\n<link href=\"https://example.org/e/" +
               std::to_string(i) + "\"/>\n<id>urn:uuid:entry-" + std::to_string(i) +
               "</id>\n<updated>2003-12-13T18:30:02Z</updated>\n<author><name>John Doe</name></author>\n"
               "<category term=\"news\"/>\n<content type=\"html\">" +
               escapedHtml(rng) + "</content>\n</entry>\n";
    }
    return xml + "</feed>\n";
}

const std::vector<std::string>& corpus()
{
    static const std::vector<std::string> feeds = [] {
        std::mt19937 rng(42);
        std::vector<std::string> out;
        for (int i = 0; i < 20; ++i)
            out.push_back(i % 2 ? atomFeed(rng) : rssFeed(rng));
        return out;
    }();
    return feeds;
}

void BM_ParseFeedCorpus(benchmark::State& state)
{
    const auto& feeds = corpus();
    std::size_t bytes = 0;
    for (const auto& feed : feeds)
        bytes += feed.size();
    earshot::feeds::ParseOptions options;
    options.documentUrl = "https://example.com/feed";
    for (auto _ : state) {
        for (const auto& feed : feeds) {
            auto parsed = earshot::feeds::parseFeed(feed, options);
            if (!parsed.ok() || parsed->entries.size() != 50)
                state.SkipWithError("corpus feed did not parse");
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
    state.counters["feed_kb"] = double(bytes) / double(feeds.size()) / 1024.0;
}
BENCHMARK(BM_ParseFeedCorpus)->Unit(benchmark::kMillisecond);

void BM_ParseRss(benchmark::State& state)
{
    const std::string& feed = corpus()[0];
    for (auto _ : state)
        benchmark::DoNotOptimize(earshot::feeds::parseFeed(feed));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(feed.size()));
}
BENCHMARK(BM_ParseRss)->Unit(benchmark::kMicrosecond);

void BM_ParseAtom(benchmark::State& state)
{
    const std::string& feed = corpus()[1];
    for (auto _ : state)
        benchmark::DoNotOptimize(earshot::feeds::parseFeed(feed));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(feed.size()));
}
BENCHMARK(BM_ParseAtom)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
