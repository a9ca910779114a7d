// In-process parse throughput of earshot::feeds::parseFeed over the benchmark corpus.
// Reads every file named in DIR/feeds.txt into memory, then parses all of them ROUNDS times
// (after one warm-up pass) and prints bytes, entries and MB/s for each round and the median.
// Built and run by run.sh against build-bench's libearshot_core.a:
//   parse_speed DIR [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <ctime>
#include <vector>

#include "earshot/feeds/FeedParser.h"

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: parse_speed DIR [ROUNDS]\n");
        return 2;
    }
    const std::string dir = argv[1];
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 10;
    std::ifstream list(dir + "/feeds.txt");
    std::vector<std::string> names, docs;
    for (std::string name; std::getline(list, name);)
        if (!name.empty())
            names.push_back(name);
    std::size_t bytes = 0;
    for (const auto& name : names) {
        std::ifstream in(dir + "/" + name, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        docs.push_back(s.str());
        bytes += docs.back().size();
    }
    if (docs.empty()) {
        std::fprintf(stderr, "no feeds in %s/feeds.txt\n", dir.c_str());
        return 1;
    }
    std::vector<earshot::feeds::ParseOptions> options(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        options[i].documentUrl = "http://127.0.0.1/" + names[i];
        options[i].contentType = names[i].rfind("rss", 0) == 0 ? "application/rss+xml; charset=utf-8"
                                                                : "application/atom+xml; charset=utf-8";
    }
    auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
    };
    std::vector<double> seconds, cpuSeconds;
    std::size_t entries = 0;
    for (int r = -1; r < rounds; ++r) {
        entries = 0;
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = cpuNow();
        for (std::size_t i = 0; i < docs.size(); ++i) {
            auto feed = earshot::feeds::parseFeed(docs[i], options[i]);
            if (!feed) {
                std::fprintf(stderr, "%s: %s\n", names[i].c_str(), feed.message().c_str());
                return 1;
            }
            entries += feed->entries.size();
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = cpuNow() - cpuStart;
        if (r >= 0) {
            seconds.push_back(s);
            cpuSeconds.push_back(cpu);
            std::printf("round %d: %zu feeds, %zu bytes, %zu entries, wall %.4f s (%.1f MB/s), cpu %.4f s (%.1f MB/s)\n",
                        r + 1, docs.size(), bytes, entries, s, bytes / s / 1e6, cpu, bytes / cpu / 1e6);
        }
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpuSeconds.begin(), cpuSeconds.end());
    const double median = seconds[seconds.size() / 2], cpuMedian = cpuSeconds[cpuSeconds.size() / 2];
    std::printf("median: wall %.4f s = %.1f MB/s; cpu %.4f s = %.1f MB/s (%zu bytes, %zu entries per pass, %d passes)\n",
                median, bytes / median / 1e6, cpuMedian, bytes / cpuMedian / 1e6, bytes, entries, rounds);
    return 0;
}
