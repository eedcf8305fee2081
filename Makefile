# The README's commands. Every target installs the Debian packages it needs first.
PRESET      ?= dev
BUILD_DIR   := build/$(PRESET)
JOBS        ?= $(shell nproc)
WORKSPACE   ?= workspace/sample.flame
SAMPLE_SIZE ?= 20000

.PHONY: deps configure build run demo test bench bench-quick soak fuzz asan tsan clean
FUZZ_SECONDS ?= 60

deps:
	@scripts/install-deps.sh

configure: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

$(WORKSPACE): | build
	@mkdir -p $(dir $(WORKSPACE))
	$(BUILD_DIR)/app/flame init $(WORKSPACE)
	$(BUILD_DIR)/app/flame sample $(WORKSPACE) --judgments $(SAMPLE_SIZE)

# Opens the GUI on the sample workspace where the GUI is built and a display exists; otherwise
# runs the headless demonstration.
run: build $(WORKSPACE)
	@if [ -x $(BUILD_DIR)/app/flame-studio ] && [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BUILD_DIR)/app/flame-studio $(WORKSPACE); \
	else \
	  $(MAKE) --no-print-directory demo; \
	fi

demo: build $(WORKSPACE)
	@scripts/demo.sh $(BUILD_DIR)/app/flame $(WORKSPACE)

test: build
	@cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@scripts/bench.sh $(BUILD_DIR) full

bench-quick: build
	@scripts/bench.sh $(BUILD_DIR) quick

fuzz:
	@FLAME_FUZZ_DEPS=1 scripts/install-deps.sh
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# The long fault runs: many seeded kill moments (storage and, where built, training workers).
SOAK_ROUNDS ?= 40
soak: build
	@cd $(BUILD_DIR) && FLAME_SOAK_ROUNDS=$(SOAK_ROUNDS) QT_QPA_PLATFORM=offscreen ctest --output-on-failure -L soak --timeout 7200

asan:
	@$(MAKE) --no-print-directory test PRESET=asan

# ThreadSanitizer over the tests labelled `threads`: the row loader, the runs service and its queue,
# the prefetch thread and the worker ranks (the other tests are single-threaded).
tsan:
	@$(MAKE) --no-print-directory build PRESET=tsan
	@cd build/tsan && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) -L threads

clean:
	rm -rf build
