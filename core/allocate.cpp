#include "allocate.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include "format.h"

namespace sam {

namespace {

using u128 = unsigned __int128;

// Fixed shares and percents become integer weights in millionths of a percent.
uint64_t PercentWeight(double pct) { return (uint64_t)std::llround(pct * 1e6); }

Allocation Fail(const char* error, std::vector<std::string> args = {}) {
    Allocation a;
    a.error = error;
    a.args = std::move(args);
    return a;
}

std::vector<uint64_t> Populations(const std::vector<Payer>& ps) {
    std::vector<uint64_t> w;
    for (auto& p : ps) w.push_back((uint64_t)std::max<int64_t>(0, p.population));
    return w;
}

bool AllZero(const std::vector<uint64_t>& w) {
    return std::all_of(w.begin(), w.end(), [](uint64_t x) { return x == 0; });
}

void Finish(Allocation& a, int64_t total, const std::vector<Payer>& payers, const std::vector<int64_t>& amounts) {
    a.ok = true;
    a.lines.clear();
    for (size_t i = 0; i < payers.size(); ++i)
        a.lines.push_back({payers[i].id, amounts[i], total ? (double)amounts[i] / (double)total : 0.0});
}

}  // namespace

std::vector<int64_t> LargestRemainder(int64_t total, const std::vector<uint64_t>& weights,
                                      const std::vector<Payer>& payers) {
    size_t n = weights.size();
    std::vector<int64_t> out(n, 0);
    u128 sum = 0;
    for (uint64_t w : weights) sum += w;
    if (n == 0 || sum == 0) return out;
    bool neg = total < 0;
    u128 t = neg ? (u128)(-(total + 1)) + 1 : (u128)total;
    std::vector<u128> rem(n);
    u128 given = 0;
    for (size_t i = 0; i < n; ++i) {
        u128 q = t * weights[i];
        out[i] = (int64_t)(q / sum);
        rem[i] = q % sum;
        given += (u128)out[i];
    }
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (rem[a] != rem[b]) return rem[a] > rem[b];
        if (payers[a].population != payers[b].population) return payers[a].population > payers[b].population;
        int c = CompareSwedish(payers[a].name, payers[b].name);
        if (c != 0) return c < 0;
        return payers[a].id < payers[b].id;
    });
    // Fewer than n kronor remain, one to each of the largest remainders.
    u128 left = t - given;
    for (size_t k = 0; k < n && left > 0; ++k, --left) out[order[k]] += 1;
    if (neg) for (auto& v : out) v = -v;
    return out;
}

Allocation Allocate(int64_t total, const AllocationKey& key, const std::vector<Payer>& payers) {
    if (payers.empty()) return Fail("alloc.no_payers");
    std::vector<int64_t> amounts(payers.size(), 0);
    switch (key.kind) {
        case KeyKind::Equal:
            amounts = LargestRemainder(total, std::vector<uint64_t>(payers.size(), 1), payers);
            break;
        case KeyKind::PerCapita: {
            auto w = Populations(payers);
            if (AllZero(w)) return Fail("alloc.no_population");
            amounts = LargestRemainder(total, w, payers);
            break;
        }
        case KeyKind::Fixed: {
            std::vector<uint64_t> w;
            double sum = 0;
            for (auto& p : payers) {
                auto it = key.shares.find(p.id);
                if (it == key.shares.end()) return Fail("alloc.share_missing", {p.name});
                w.push_back(PercentWeight(it->second));
                sum += it->second;
            }
            for (auto& share : key.shares) {
                const std::string& id = share.first;
                bool paying = std::any_of(payers.begin(), payers.end(), [&](const Payer& p) { return p.id == id; });
                if (!paying && share.second != 0) return Fail("alloc.share_not_payer", {id, FormatPercent(share.second, 2)});
            }
            if (std::fabs(sum - 100.0) > 1e-6) return Fail("alloc.shares_sum", {FormatPercent(sum, 4)});
            amounts = LargestRemainder(total, w, payers);
            break;
        }
        case KeyKind::RegionSplit: {
            std::vector<size_t> regions, others;
            for (size_t i = 0; i < payers.size(); ++i)
                (payers[i].kind == PartyKind::Region ? regions : others).push_back(i);
            if (regions.size() != 1) return Fail("alloc.region_count", {std::to_string(regions.size())});
            if (key.region_percent < 0 || key.region_percent > 100)
                return Fail("alloc.bad_percent", {FormatPercent(key.region_percent, 2)});
            // Two steps, each exact: the region's part against the rest, then the rest per capita.
            std::vector<Payer> two = {payers[regions[0]], Payer{"", "", PartyKind::Municipality, 0}};
            auto split = LargestRemainder(total, {PercentWeight(key.region_percent), PercentWeight(100 - key.region_percent)}, two);
            amounts[regions[0]] = split[0];
            if (!others.empty()) {
                std::vector<Payer> rest;
                for (size_t i : others) rest.push_back(payers[i]);
                auto w = Populations(rest);
                if (AllZero(w)) {
                    if (split[1] != 0) return Fail("alloc.no_population");
                } else {
                    auto part = LargestRemainder(split[1], w, rest);
                    for (size_t k = 0; k < others.size(); ++k) amounts[others[k]] = part[k];
                }
            } else if (split[1] != 0) {
                return Fail("alloc.region_only");
            }
            break;
        }
        case KeyKind::BasePlusPerCapita: {
            if (key.base_fee < 0) return Fail("alloc.negative_fee");
            int64_t n = (int64_t)payers.size();
            int64_t sign = total < 0 ? -1 : 1;
            int64_t base_total = key.base_fee * n;
            if (base_total > std::llabs(total))
                return Fail("alloc.base_exceeds", {FormatKr(key.base_fee), std::to_string(n), FormatKr(total)});
            auto w = Populations(payers);
            int64_t rest = total - sign * base_total;
            if (AllZero(w) && rest != 0) return Fail("alloc.no_population");
            auto part = AllZero(w) ? std::vector<int64_t>(payers.size(), 0) : LargestRemainder(rest, w, payers);
            for (size_t i = 0; i < payers.size(); ++i) amounts[i] = sign * key.base_fee + part[i];
            break;
        }
    }
    Allocation a;
    Finish(a, total, payers, amounts);
    return a;
}

}  // namespace sam
