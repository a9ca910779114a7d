#include "earshot/demo/Random.h"

#include <cmath>

namespace earshot::demo {

namespace {

std::uint64_t splitMix(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Random::Random(std::uint64_t seed)
{
    for (auto& word : m_state)
        word = splitMix(seed);
}

std::uint64_t Random::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::int64_t Random::between(std::int64_t low, std::int64_t high)
{
    return low + std::int64_t(below(std::uint64_t(high - low) + 1));
}

double Random::unit() { return double(next() >> 11) * 0x1.0p-53; }

double Random::logNormal(double median, double sigma)
{
    // Box–Muller; 1 - unit() keeps the logarithm away from zero.
    const double u1 = 1.0 - unit();
    const double u2 = unit();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    return median * std::exp(sigma * normal);
}

std::size_t Random::weighted(const std::vector<double>& weights)
{
    double total = 0;
    for (double w : weights)
        total += w;
    double target = unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (target < weights[i])
            return i;
        target -= weights[i];
    }
    return weights.size() - 1;
}

std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t state = a ^ rotl(b, 32) ^ 0x5851f42d4c957f2dull;
    splitMix(state);
    return splitMix(state);
}

}  // namespace earshot::demo
