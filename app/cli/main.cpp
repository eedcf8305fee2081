// `flame`: the headless command-line tool of FLAMe Studio (no Qt). Exit codes: 0 success,
// 2 bad input (messages "FILE:LINE: reason" on stderr), 130 cancelled, 1 internal errors.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "app/cli/cli_support.h"

int main(int argc, char** argv) {
    using namespace flame::cli;
    CLI::App app{"flame: build foundational autoraters the way the FLAMe paper does (headless tool of FLAMe Studio)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "flame 0.1.0");
    int exitCode = kOk;
    addCorpusCommands(app, exitCode);
    addTaskCommands(app, exitCode);
#ifdef FLAME_HAVE_TRAINING
    addTrainingCommands(app, exitCode);
#endif
    installCancelHandlers();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kBadInput;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "flame: internal error: %s\n", e.what());
        return kInternal;
    }
    return exitCode;
}
