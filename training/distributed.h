#pragma once
// Data parallelism across ranks with PyTorch's c10d: a TCPStore rendezvous on rank 0's machine and
// a Gloo process group on CPU (NCCL where the LibTorch build has it and the device is CUDA).
// Debian's LibTorch 1.13 ships c10d with Gloo (built with USE_C10D_GLOO); this library defines
// USE_C10D_GLOO and links libgloo so the header and the library agree.
//
// pImpl: callers do not see c10d or Gloo headers.
#include <cstdint>
#include <memory>
#include <string>

#include "model/error.h"

namespace at {
class Tensor;
}

namespace flame::training {

struct GroupOptions {
    int rank = 0, world = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    int timeoutSeconds = 1800; // long enough for rank 0's evaluations between steps
    bool cuda = false;
};

class Collective {
public:
    static Expected<std::unique_ptr<Collective>> create(const GroupOptions& options);
    ~Collective();
    int rank() const;
    int world() const;
    const char* backend() const; // "gloo" or "nccl"
    // In-place sum over all ranks.
    void allReduceSum(at::Tensor& tensor);
    void barrier();

private:
    Collective();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A free TCP port on this machine (for a rendezvous started by `flame train`).
int freePort();

} // namespace flame::training
