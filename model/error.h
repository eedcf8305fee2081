#pragma once
// Errors are values in the libraries (DESIGN.md section 7). An Error names where it happened
// (file and line when there is one) so every layer can print `FILE:LINE: reason`.
#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace flame {

enum class ErrorKind {
    BadInput,  // the user's data or arguments are wrong: CLI exit code 2
    Internal,  // a bug, an I/O failure or a database failure: CLI exit code 1
    Cancelled, // the caller asked to stop
    Conflict,  // someone else changed the data first (optimistic concurrency)
    ReadOnly,  // the workspace was opened read-only and the operation writes
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    std::string file; // may be empty
    std::size_t line = 0; // 0 when unknown

    static Error badInput(std::string message, std::string file = {}, std::size_t line = 0) {
        return Error{ErrorKind::BadInput, std::move(message), std::move(file), line};
    }
    static Error internal(std::string message, std::string file = {}) {
        return Error{ErrorKind::Internal, std::move(message), std::move(file), 0};
    }
    static Error cancelled() { return Error{ErrorKind::Cancelled, "cancelled", {}, 0}; }

    // "FILE:LINE: message", "FILE: message" or "message".
    std::string toString() const;
};

// A value or an error. Minimal on purpose: C++17 has no std::expected.
template <class T> class Expected {
public:
    Expected(T value) : m_state(std::move(value)) {}
    Expected(Error error) : m_state(std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    // On a temporary these return the value itself, not a reference into the dying Expected, so
    // `for (const auto& x : *f())` and `const T& v = *f();` are safe.
    T value() && { return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }
    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For functions that only succeed or fail.
class Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace flame
