// Runs a loop's iterations on several threads: the one helper for batch
// workers, the aligner's documents and dictionary preparation.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace sverka {

// Runs fn(k, slot) for k in [0, n) on up to `jobs` threads, the calling one
// among them, handing out k in order as threads come free; `slot` (< jobs)
// names the thread, for state of its own. Once `stop` (may be null) is set,
// no further k is handed out. Returns when every thread is done.
inline void ParallelFor(size_t n, int jobs, const std::atomic<bool>* stop,
                        const std::function<void(size_t k, size_t slot)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&](size_t slot) {
    for (;;) {
      if (stop && stop->load()) return;
      const size_t k = next.fetch_add(1);
      if (k >= n) return;
      fn(k, slot);
    }
  };
  const size_t extra = std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)) - 1, n);
  std::vector<std::thread> threads;
  for (size_t t = 1; t <= extra; ++t) threads.emplace_back(work, t);
  work(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace sverka
