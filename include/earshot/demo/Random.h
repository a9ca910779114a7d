// The generator's source of chance: xoshiro256** seeded through SplitMix64. Unlike the
// std::*_distribution classes, whose algorithms differ between standard libraries, these
// numbers are the same with every compiler, so a --seed names one workspace everywhere.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace earshot::demo {

class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t next();
    // Uniform in [0, n); n > 0. The modulo bias is far below what synthetic data can show.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    // Uniform in [low, high], both included.
    std::int64_t between(std::int64_t low, std::int64_t high);
    // Uniform in [0, 1).
    double unit();
    bool chance(double probability) { return unit() < probability; }
    // exp(N(log median, sigma)): waiting times with a long tail.
    double logNormal(double median, double sigma);
    // An index into weights, chosen in proportion to them.
    std::size_t weighted(const std::vector<double>& weights);

    template <class Container>
    const auto& pick(const Container& items)
    {
        return items[below(items.size())];
    }

private:
    std::array<std::uint64_t, 4> m_state{};
};

// Combines two numbers into a well-mixed seed, for independent streams from one --seed.
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b);

}  // namespace earshot::demo
