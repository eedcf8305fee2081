#include "training/distributed.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <torch/csrc/distributed/c10d/TCPStore.hpp>
// A LibTorch without Gloo headers (some CUDA distributions) builds without the CPU backend.
#if __has_include(<gloo/algorithm.h>) && __has_include(<torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>)
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#define FLAME_WITH_GLOO 1
#endif
#ifdef FLAME_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace flame::training {

struct Collective::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
    int rank = 0, world = 1;
    const char* backend = "gloo";
};

Collective::Collective() : m_impl(std::make_unique<Impl>()) {}
Collective::~Collective() = default;
int Collective::rank() const { return m_impl->rank; }
int Collective::world() const { return m_impl->world; }
const char* Collective::backend() const { return m_impl->backend; }

Expected<std::unique_ptr<Collective>> Collective::create(const GroupOptions& o) {
    if (o.world < 1 || o.rank < 0 || o.rank >= o.world) return Error::badInput("rank must be in [0, world size)");
    if (o.masterPort <= 0 || o.masterPort > 65535) return Error::badInput("the rendezvous port must be in 1..65535");
    std::unique_ptr<Collective> c(new Collective());
    c->m_impl->rank = o.rank;
    c->m_impl->world = o.world;
    try {
        c10d::TCPStoreOptions so;
        so.port = std::uint16_t(o.masterPort);
        so.isServer = o.rank == 0;
        so.numWorkers = std::size_t(o.world);
        so.waitWorkers = true;
        so.timeout = std::chrono::milliseconds(std::int64_t(o.timeoutSeconds) * 1000);
        auto store = c10::make_intrusive<c10d::TCPStore>(o.masterAddr, so);
        c->m_impl->store = store;
#ifdef FLAME_WITH_NCCL
        if (o.cuda) {
            auto opts = c10d::ProcessGroupNCCL::Options::create();
            opts->timeout = std::chrono::milliseconds(std::int64_t(o.timeoutSeconds) * 1000);
            c->m_impl->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(store, o.rank, o.world, opts);
            c->m_impl->backend = "nccl";
            return c;
        }
#endif
#ifdef FLAME_WITH_GLOO
        auto opts = c10d::ProcessGroupGloo::Options::create();
        opts->timeout = std::chrono::milliseconds(std::int64_t(o.timeoutSeconds) * 1000);
        // Loopback when the rendezvous is local, so two ranks on one machine need no network.
        const bool local = o.masterAddr == "127.0.0.1" || o.masterAddr == "localhost";
        opts->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                      : c10d::ProcessGroupGloo::createDefaultDevice());
        c->m_impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, o.rank, o.world, opts);
#else
        return Error::badInput("this build of flame has no c10d Gloo backend (its LibTorch lacks the Gloo headers)");
#endif
    } catch (const std::exception& e) {
        return Error::internal(std::string("cannot join the process group at ") + o.masterAddr + ":" +
                               std::to_string(o.masterPort) + ": " + e.what());
    }
    return c;
}

void Collective::allReduceSum(at::Tensor& tensor) {
    std::vector<at::Tensor> tensors{tensor};
    c10d::AllreduceOptions opts;
    opts.reduceOp = c10d::ReduceOp::SUM;
    m_impl->group->allreduce(tensors, opts)->wait();
}

void Collective::barrier() { m_impl->group->barrier()->wait(); }

int freePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 29500;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 29500;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

} // namespace flame::training
